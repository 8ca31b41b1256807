package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignCommitment;
import org.planbok.mpc.ecdsa.SignOpening;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.ecdsa.SignResult;
import org.planbok.mpc.eddsa.EddsaKeyGenP2;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP2;
import org.planbok.mpc.eddsa.EddsaSignature;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sessions.control.SessionParties;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * Node 2's Sessions service over in-process gRPC, with Node 1 played by the real P2 parties of
 * planbok-mpc and Node 2's store on H2: keys are made, finalized and used; every refusal reaches
 * Node 1 as a status with its reason.
 */
class SessionsServiceTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUBJECT = "customer-1";
  private static final Metadata.Key<String> REASON =
      Metadata.Key.of("planbok-reason", Metadata.ASCII_STRING_MARSHALLER);

  private static InProcessNode2 node2;
  private static TestDatabase db;
  private static Node2Beans beans;
  private static ManagedChannel channel;

  @BeforeAll
  static void node2() throws Exception {
    node2 = InProcessNode2.start();
    db = node2.db;
    beans = node2.beans;
    channel = node2.channel;
  }

  @AfterAll
  static void close() throws Exception {
    node2.close();
  }

  @Test
  void ecdsaKeyIsMadeFinalizedAndSignsWithATicket() {
    String keyId = "k-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = ecdsaKeyGen(keyId);
    finalize(keyId, true);
    for (int i = 0; i < 3; i++) {
      byte[] digest = random(32);
      BigInteger tweak = new BigInteger(250, RANDOM);
      EcdsaSignature signature = ecdsaSign(keyId, share, digest, tweak, ticket(keyId, digest));
      assertTrue(
          signature.verifies(
              Secp256k1.INSTANCE.add(
                  share.publicKey(), Secp256k1.INSTANCE.multiplyGenerator(tweak)),
              digest));
    }
  }

  @Test
  void eddsaKeyIsMadeFinalizedAndSigns() {
    String keyId = "e-" + RANDOM.nextLong();
    EddsaKeyShare share = eddsaKeyGen(keyId);
    finalize(keyId, true);
    byte[] message = "send 1 SOL to bob".getBytes(StandardCharsets.UTF_8);
    byte[] ticket = ticket(keyId, SessionParties.ticketDigest("ed25519", message));
    EddsaSignature signature = eddsaSign(keyId, share, message, ticket);
    byte[] publicKey = org.planbok.mpc.group.Ed25519.INSTANCE.encode(share.publicKey());
    assertTrue(Ed25519.verify(signature.toBytes(), 0, publicKey, 0, message, 0, message.length));
  }

  @Test
  void signingWithoutATicketIsRefused() {
    String keyId = committedEcdsaKey();
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> openSign(keyId, random(32), new byte[0]).receive());
  }

  @Test
  void aTicketForAnotherDigestIsRefused() {
    String keyId = committedEcdsaKey();
    byte[] ticket = ticket(keyId, random(32));
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> openSign(keyId, random(32), ticket).receive());
  }

  @Test
  void anotherSubjectsTicketCannotUseTheKey() {
    String keyId = committedEcdsaKey();
    byte[] digest = random(32);
    byte[] theirTicket =
        db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(
                            "customer-2",
                            KeyId.of(keyId),
                            org.planbok.node2.tickets.entity.Operation.SIGN,
                            digest)))
            .bytes();
    SessionOpen asThem =
        open(Operation.SIGN, Curve.SECP256K1, keyId).toBuilder()
            .setSubject("customer-2")
            .setMessage(ByteString.copyFrom(digest))
            .setTicket(ByteString.copyFrom(theirTicket))
            .build();
    assertRefused(
        "UNKNOWN_KEY", Status.Code.NOT_FOUND, () -> new Conversation(channel, asThem).receive());
  }

  @Test
  void aTicketWorksOnce() {
    String keyId = committedEcdsaKey();
    byte[] digest = random(32);
    byte[] ticket = ticket(keyId, digest);
    openSign(keyId, digest, ticket).receive();
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> openSign(keyId, digest, ticket).receive());
  }

  @Test
  void aKeyThatWasNeverFinalizedCannotSign() {
    String keyId = "p-" + RANDOM.nextLong();
    ecdsaKeyGen(keyId);
    byte[] digest = random(32);
    assertRefused(
        "UNKNOWN_KEY", Status.Code.NOT_FOUND, () -> openSign(keyId, digest, new byte[0]).receive());
    finalize(keyId, false);
    assertTrue(db.get(() -> beans.keyShares.committed(KeyId.of(keyId))).isEmpty());
  }

  @Test
  void aKeygenFor_AnExistingKeyIdIsRefused() {
    String keyId = committedEcdsaKey();
    assertRefused("KEY_EXISTS", Status.Code.ALREADY_EXISTS, () -> ecdsaKeyGen(keyId));
  }

  @Test
  void aKeygenAbandonedMidwayLeavesNothing() {
    String keyId = "a-" + RANDOM.nextLong();
    Conversation c = new Conversation(channel, open(Operation.KEYGEN, Curve.SECP256K1, keyId));
    c.receive();
    c.cancel();
    assertTrue(db.get(() -> beans.keyShares.committed(KeyId.of(keyId))).isEmpty());
    finalizeRefused(keyId);
  }

  @Test
  void aCraftedC3FreezesTheKeyAtOnceAndForGood() {
    String keyId = "f-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = ecdsaKeyGen(keyId);
    finalize(keyId, true);
    byte[] digest = random(32);
    SessionId sid = SessionId.random(RANDOM);
    Conversation c = openSign(sid, keyId, digest, ticket(keyId, digest));
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, BigInteger.ZERO),
            RANDOM);
    c.send(p2.nonce(SignCommitment.fromBytes(c.receive())).toBytes());
    SignPartial honest = p2.partial(SignOpening.fromBytes(c.receive()));
    // BitForge-style probe: add 2^200 under encryption, so Dec(c3) is off by a known amount.
    BigInteger probe = share.paillierKey().encrypt(BigInteger.TWO.pow(200), RANDOM);
    c.send(new SignPartial(sid, share.paillierKey().add(honest.c3(), probe)).toBytes());
    assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, c::receive);

    assertTrue(db.get(() -> beans.keyShares.isFrozen(KeyId.of(keyId))));
    byte[] next = random(32);
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () -> openSign(keyId, next, ticket(keyId, next)).receive());
  }

  @Test
  void aSessionThatDoesNotStartWithOpenIsRefused() {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> {
              Conversation c =
                  new Conversation(channel, SessionOpen.newBuilder().setKeyId("x").build());
              c.receive();
            });
    assertEquals("PROTOCOL_VIOLATION", e.getTrailers().get(REASON));
  }

  @Test
  void theAuditChainStaysIntact() {
    committedEcdsaKey();
    assertTrue(db.get(() -> beans.audit.verify()).ok());
  }

  // --- Node 1's side -------------------------------------------------------------------------

  private String committedEcdsaKey() {
    String keyId = "c-" + RANDOM.nextLong();
    ecdsaKeyGen(keyId);
    finalize(keyId, true);
    return keyId;
  }

  private static EcdsaP2KeyShare ecdsaKeyGen(String keyId) {
    SessionOpen open = open(Operation.KEYGEN, Curve.SECP256K1, keyId);
    Conversation c = new Conversation(channel, open);
    EcdsaKeyGenP2 p2 =
        new EcdsaKeyGenP2(
            SessionId.of(open.getSessionId().toByteArray()),
            keyId.getBytes(StandardCharsets.UTF_8),
            RANDOM);
    c.send(p2.contribute(org.planbok.mpc.ecdsa.KeyGenCommitment.fromBytes(c.receive())).toBytes());
    EcdsaP2KeyShare share = p2.finish(org.planbok.mpc.ecdsa.KeyGenOpening.fromBytes(c.receive()));
    assertArrayEquals(
        Secp256k1.INSTANCE.encode(share.publicKey()), c.done().getPublicKey().toByteArray());
    return share;
  }

  private static EddsaKeyShare eddsaKeyGen(String keyId) {
    SessionOpen open = open(Operation.KEYGEN, Curve.ED25519, keyId);
    Conversation c = new Conversation(channel, open);
    EddsaKeyGenP2 p2 = new EddsaKeyGenP2(SessionId.of(open.getSessionId().toByteArray()), RANDOM);
    c.send(
        p2.onCommitment(org.planbok.mpc.eddsa.KeyGenCommitment.fromBytes(c.receive())).toBytes());
    EddsaKeyShare share = p2.onOpening(org.planbok.mpc.eddsa.KeyGenOpening.fromBytes(c.receive()));
    c.done();
    return share;
  }

  private static EcdsaSignature ecdsaSign(
      String keyId, EcdsaP2KeyShare share, byte[] digest, BigInteger tweak, byte[] ticket) {
    SessionId sid = SessionId.random(RANDOM);
    SessionOpen open =
        open(Operation.SIGN, Curve.SECP256K1, keyId).toBuilder()
            .setSessionId(ByteString.copyFrom(sid.bytes()))
            .setMessage(ByteString.copyFrom(digest))
            .setTweak(ByteString.copyFrom(Secp256k1.scalarBytes(tweak)))
            .setTicket(ByteString.copyFrom(ticket))
            .build();
    Conversation c = new Conversation(channel, open);
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, tweak),
            RANDOM);
    c.send(p2.nonce(SignCommitment.fromBytes(c.receive())).toBytes());
    c.send(p2.partial(SignOpening.fromBytes(c.receive())).toBytes());
    EcdsaSignature signature = p2.finish(SignResult.fromBytes(c.receive()));
    c.done();
    return signature;
  }

  private static EddsaSignature eddsaSign(
      String keyId, EddsaKeyShare share, byte[] message, byte[] ticket) {
    SessionId sid = SessionId.random(RANDOM);
    SessionOpen open =
        open(Operation.SIGN, Curve.ED25519, keyId).toBuilder()
            .setSessionId(ByteString.copyFrom(sid.bytes()))
            .setMessage(ByteString.copyFrom(message))
            .setTicket(ByteString.copyFrom(ticket))
            .build();
    Conversation c = new Conversation(channel, open);
    EddsaSignP2 p2 = new EddsaSignP2(share, sid, message, BigInteger.ZERO, RANDOM);
    c.send(p2.start().toBytes());
    c.send(p2.onNonce(org.planbok.mpc.eddsa.SignNonce.fromBytes(c.receive())).toBytes());
    EddsaSignature signature =
        p2.onPartial(org.planbok.mpc.eddsa.SignPartial.fromBytes(c.receive()));
    c.done();
    return signature;
  }

  private static Conversation openSign(String keyId, byte[] digest, byte[] ticket) {
    return openSign(SessionId.random(RANDOM), keyId, digest, ticket);
  }

  private static Conversation openSign(SessionId sid, String keyId, byte[] digest, byte[] ticket) {
    return new Conversation(
        channel,
        open(Operation.SIGN, Curve.SECP256K1, keyId).toBuilder()
            .setSessionId(ByteString.copyFrom(sid.bytes()))
            .setMessage(ByteString.copyFrom(digest))
            .setTicket(ByteString.copyFrom(ticket))
            .build());
  }

  private static SessionOpen open(Operation op, Curve curve, String keyId) {
    return SessionOpen.newBuilder()
        .setSessionId(ByteString.copyFrom(SessionId.random(RANDOM).bytes()))
        .setOperation(op)
        .setCurve(curve)
        .setKeyId(keyId)
        .setSubject(SUBJECT)
        .build();
  }

  private static byte[] ticket(String keyId, byte[] digest) {
    return db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(
                        SUBJECT,
                        KeyId.of(keyId),
                        org.planbok.node2.tickets.entity.Operation.SIGN,
                        digest)))
        .bytes();
  }

  private static void finalize(String keyId, boolean commit) {
    SessionsGrpc.newBlockingStub(channel)
        .finalize(FinalizeRequest.newBuilder().setKeyId(keyId).setCommit(commit).build());
  }

  private static void finalizeRefused(String keyId) {
    StatusRuntimeException e =
        assertThrows(StatusRuntimeException.class, () -> finalize(keyId, true));
    assertEquals("UNKNOWN_KEY", e.getTrailers().get(REASON));
  }

  private static void assertRefused(String reason, Status.Code code, Runnable session) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, session::run);
    assertEquals(code, e.getStatus().getCode(), e.toString());
    assertEquals(reason, e.getTrailers().get(REASON));
    assertFalse(String.valueOf(e.getStatus().getDescription()).contains("xA"));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
