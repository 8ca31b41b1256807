package org.planbok.it;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.KeyGenCommitment;
import org.planbok.mpc.ecdsa.KeyGenOpening;
import org.planbok.mpc.ecdsa.ShareRelease;
import org.planbok.mpc.ecdsa.SignCommitment;
import org.planbok.mpc.ecdsa.SignOpening;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.ecdsa.SignResult;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.TicketWanted;

/**
 * Node 1's side of the ECDSA protocols, played by the tests over {@link Node1Link} with
 * planbok-mpc's P2 party: honestly, or (for signing) with a {@code c3} that decrypts to one more
 * than it should, as a malicious Node 1 probing Node 2's share would send (BitForge).
 */
final class Node1Protocols {
  static final SecureRandom RANDOM = new SecureRandom();

  private Node1Protocols() {}

  static TicketWanted wanted(String keyId, Operation op, byte[] digest) {
    return TicketWanted.newBuilder()
        .setKeyId(keyId)
        .setOperation(op)
        .setDigest(ByteString.copyFrom(digest == null ? new byte[0] : digest))
        .build();
  }

  static SessionOpen open(
      SessionId sid, Operation op, String keyId, String subject, byte[] ticket, byte[] message) {
    return SessionOpen.newBuilder()
        .setSessionId(ByteString.copyFrom(sid.bytes()))
        .setOperation(op)
        .setCurve(Curve.SECP256K1)
        .setKeyId(keyId)
        .setSubject(subject)
        .setTicket(ByteString.copyFrom(ticket))
        .setMessage(ByteString.copyFrom(message == null ? new byte[0] : message))
        .build();
  }

  /** A committed secp256k1 key of {@code subject}, made with a KEYGEN ticket for its secret. */
  static EcdsaP2KeyShare ecdsaKeyGen(Node1Link node2, String subject, byte[] secret, String keyId) {
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.KEYGEN, null));
    SessionId sid = SessionId.random(RANDOM);
    EcdsaP2KeyShare share;
    try (Node1Link.Stream s =
        node2.session(open(sid, Operation.KEYGEN, keyId, subject, ticket, null))) {
      EcdsaKeyGenP2 p2 = new EcdsaKeyGenP2(sid, keyId.getBytes(StandardCharsets.UTF_8), RANDOM);
      s.send(p2.contribute(KeyGenCommitment.fromBytes(s.receive())).toBytes());
      share = p2.finish(KeyGenOpening.fromBytes(s.receive()));
      s.done();
    }
    if (node2.finalize(keyId, sid.bytes(), true) != FinalizeReply.State.COMMITTED) {
      throw new AssertionError("Node 2 did not commit " + keyId);
    }
    return share;
  }

  static EcdsaSignature sign(
      Node1Link node2,
      String subject,
      String keyId,
      EcdsaP2KeyShare share,
      byte[] digest,
      byte[] ticket,
      boolean tamper) {
    SessionId sid = SessionId.random(RANDOM);
    try (Node1Link.Stream s =
        node2.session(open(sid, Operation.SIGN, keyId, subject, ticket, digest))) {
      EcdsaSignP2 p2 =
          new EcdsaSignP2(
              share,
              sid,
              new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, BigInteger.ZERO),
              RANDOM);
      s.send(p2.nonce(SignCommitment.fromBytes(s.receive())).toBytes());
      SignPartial partial = p2.partial(SignOpening.fromBytes(s.receive()));
      if (tamper) {
        PaillierPublicKey pk = share.paillierKey();
        partial = new SignPartial(sid, pk.add(partial.c3(), pk.encrypt(BigInteger.ONE, RANDOM)));
      }
      s.send(partial.toBytes());
      EcdsaSignature signature = p2.finish(SignResult.fromBytes(s.receive()));
      s.done();
      return signature;
    }
  }

  /** Node 2's released xA for an export to {@code deviceKey}. */
  static BigInteger releasedShare(
      Node1Link node2, String subject, String keyId, byte[] deviceKey, byte[] ticket) {
    SessionId sid = SessionId.random(RANDOM);
    try (Node1Link.Stream s =
        node2.session(open(sid, Operation.EXPORT, keyId, subject, ticket, deviceKey))) {
      BigInteger xA = ShareRelease.fromBytes(s.receive()).xA();
      s.done();
      return xA;
    }
  }
}
