package org.planbok.it;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.session.Transport;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionDone;
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
      share = s.play(p2);
      s.done();
    }
    if (node2.finalize(keyId, sid.bytes(), true) != FinalizeReply.State.COMMITTED) {
      throw new AssertionError("Node 2 did not commit " + keyId);
    }
    return share;
  }

  /**
   * A committed ed25519 key of {@code subject} made from a joint seed (issue 13): Node 1's side of
   * the nine-message seed key generation; returns Node 1's share, seed share included.
   */
  static org.planbok.mpc.eddsa.EddsaKeyShare seedKeyGen(
      Node1Link node2, String subject, byte[] secret, String keyId) {
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.KEYGEN, null));
    SessionId sid = SessionId.random(RANDOM);
    org.planbok.mpc.eddsa.SeedKeyGenP2 p2 =
        new org.planbok.mpc.eddsa.SeedKeyGenP2(sid, keyId.getBytes(StandardCharsets.UTF_8), RANDOM);
    SessionOpen open =
        open(sid, Operation.KEYGEN, keyId, subject, ticket, null).toBuilder()
            .setCurve(Curve.ED25519)
            .build();
    try (Node1Link.Stream s = node2.session(open)) {
      s.play(p2);
      s.done();
    }
    if (node2.finalize(keyId, sid.bytes(), true) != FinalizeReply.State.COMMITTED) {
      throw new AssertionError("Node 2 did not commit " + keyId);
    }
    return p2.keyShare();
  }

  /**
   * The stream as a compromised Node 1 uses it: P2's second message, {@code c3}, leaves with 1
   * added under encryption (a BitForge-style probe), everything else as the protocol made it.
   */
  static Transport probing(Transport s, EcdsaP2KeyShare share, SessionId sid) {
    return new Transport() {
      private int sent;

      @Override
      public void send(byte[] message) {
        if (++sent != 2) {
          s.send(message);
          return;
        }
        PaillierPublicKey pk = share.paillierKey();
        BigInteger c3 = SignPartial.fromBytes(message).c3();
        s.send(new SignPartial(sid, pk.add(c3, pk.encrypt(BigInteger.ONE, RANDOM))).toBytes());
      }

      @Override
      public byte[] receive() {
        return s.receive();
      }
    };
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
      EcdsaSignature signature = (tamper ? probing(s, share, sid) : s).play(p2);
      s.done();
      return signature;
    }
  }

  /**
   * One export of the subject's secp256k1 key at the root, as Node 1 and the customer's device
   * together see it (issue 12 items 4 and 5): the device (a fresh X25519 key, the PIN key {@code
   * pinKey}) authorizes it against a fresh challenge; Node 1 buys the EXPORT ticket with the PIN
   * secret {@code HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret")} and receives every frame; the
   * device opens Node 2's part.
   */
  record Export(List<byte[]> frames, ExportMask mask, BigInteger node2Part) {
    /** What Node 2's share must be if both parts are honest: m2 − ρ. */
    BigInteger xA() {
      return node2Part.subtract(mask.rho()).mod(Secp256k1.N);
    }
  }

  static Export export(Node1Link node2, String subject, String keyId, byte[] pinKey, String path)
      throws Exception {
    AsymmetricCipherKeyPair device = ExportHpke.keyPair(random(32));
    byte[] deviceKey = ExportHpke.publicKey(device);
    byte[] ticket =
        node2.ticket(
            subject,
            pinSecret(pinKey),
            wanted(keyId, Operation.EXPORT, MessageDigest.getInstance("SHA-256").digest(deviceKey))
                .toBuilder()
                .setPath(path)
                .build());
    byte[] challenge = node2.exportChallenge(subject, keyId);
    byte[] authorization =
        ExportHpke.seal(
            ExportHpke.recipient(node2.exportKey()),
            ExportHpke.AUTHORIZATION_INFO,
            challenge,
            fields(
                ExportHpke.AUTHORIZATION_INFO.getBytes(StandardCharsets.UTF_8),
                pinKey,
                deviceKey,
                keyId.getBytes(StandardCharsets.UTF_8),
                path.getBytes(StandardCharsets.UTF_8)));
    SessionId sid = SessionId.random(RANDOM);
    SessionOpen open =
        open(sid, Operation.EXPORT, keyId, subject, ticket, deviceKey).toBuilder()
            .setPath(path)
            .setAuthorization(ByteString.copyFrom(authorization))
            .setChallenge(ByteString.copyFrom(challenge))
            .build();
    try (Node1Link.Stream s = node2.session(open)) {
      byte[] round = s.receive();
      SessionDone done = s.done();
      byte[] part =
          ExportHpke.open(
              device,
              ExportHpke.NODE2_INFO,
              (keyId + ":" + path).getBytes(StandardCharsets.UTF_8),
              done.getDevicePart().toByteArray());
      return new Export(
          List.of(round, done.toByteArray()),
          ExportMask.fromBytes(round),
          new BigInteger(1, Arrays.copyOfRange(part, 2, 34)));
    }
  }

  /** Node 2's share as a PIN holder in Node 1's place learns it: its device's part minus ρ. */
  static BigInteger releasedShare(Node1Link node2, String subject, String keyId, byte[] pinKey)
      throws Exception {
    return export(node2, subject, keyId, pinKey, "m/44/60/0/0/0").xA();
  }

  /** The PIN secret the kit sends for a PIN key: HMAC-SHA256(pinKey, label). */
  static byte[] pinSecret(byte[] pinKey) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(pinKey, "HmacSHA256"));
    return mac.doFinal("planbok/v1/encrypted-secret".getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] fields(byte[]... values) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] v : values) {
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(v.length).array());
      out.writeBytes(v);
    }
    return out.toByteArray();
  }
}
