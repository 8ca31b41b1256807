package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * Node 2's Sessions service over in-process gRPC, with Node 1 played by the real P2 parties of
 * planbok-mpc and Node 2's store on H2: keys are made with a KEYGEN ticket, finalized and used;
 * every refusal reaches Node 1 as a status with its reason.
 */
class SessionsServiceTest {
  private static final java.security.SecureRandom RANDOM = InProcessNode2.RANDOM;
  private static InProcessNode2 node2;
  private static Node1 node1;

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:1");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void ecdsaKeyIsMadeFinalizedAndSignsWithATicket() {
    String keyId = "k-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    for (int i = 0; i < 3; i++) {
      byte[] digest = Node1.random(32);
      DerivationPath path = DerivationPath.of(44, 60, 0, 0, i);
      BigInteger tweak = Node1.tweak(share, path);
      EcdsaSignature signature =
          node1.ecdsaSign(
              keyId, share, digest, path, node1.signTicket(keyId, "secp256k1", digest, path));
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
    EddsaKeyShare share = node1.committedEddsaKey(keyId);
    byte[] message = "send 1 SOL to bob".getBytes(StandardCharsets.UTF_8);
    assertTrue(Node1.verifies(share, node1.eddsaSign(keyId, share, message), message));
  }

  @Test
  void aKeygenWithoutItsTicketIsRefusedAndStagesNothing() {
    String keyId = "g-" + RANDOM.nextLong();
    byte[][] wrong = {
      new byte[0],
      node1.keygenTicket("another-key"),
      node1.refreshTicket(keyId),
      new Node1(node2, "customer:2").keygenTicket(keyId)
    };
    for (byte[] ticket : wrong) {
      SessionId sid = Node1.sid();
      assertRefused(
          "BAD_TICKET", Status.Code.PERMISSION_DENIED, () -> node1.ecdsaKeyGen(sid, keyId, ticket));
      assertRefused(
          "BAD_TICKET", Status.Code.PERMISSION_DENIED, () -> node1.eddsaKeyGen(sid, keyId, ticket));
      assertEquals(FinalizeReply.State.ABANDONED, node1.finalize(keyId, sid, true));
    }
    node1.committedEddsaKey(keyId);
  }

  @Test
  void aKeygenTicketWorksOnce() {
    String keyId = "o-" + RANDOM.nextLong();
    byte[] ticket = node1.keygenTicket(keyId);
    SessionId sid = Node1.sid();
    node1.eddsaKeyGen(sid, keyId, ticket);
    node1.finalize(keyId, sid, false);
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> node1.eddsaKeyGen(Node1.sid(), keyId, ticket));
  }

  @Test
  void signingWithoutATicketIsRefused() {
    String keyId = committedEcdsaKey();
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> afterTheCommitment(openSign(keyId, Node1.random(32), new byte[0])));
  }

  @Test
  void aTicketForAnotherDigestIsRefused() {
    String keyId = committedEcdsaKey();
    byte[] ticket = node1.signTicket(keyId, "secp256k1", Node1.random(32));
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> afterTheCommitment(openSign(keyId, Node1.random(32), ticket)));
  }

  @Test
  void anotherSubjectsTicketCannotUseTheKey() {
    String keyId = committedEcdsaKey();
    byte[] digest = Node1.random(32);
    Node1 them = new Node1(node2, "customer:2");
    SessionOpen asThem =
        them
            .open(
                Node1.sid(),
                Operation.SIGN,
                Curve.SECP256K1,
                keyId,
                them.signTicket(keyId, "secp256k1", digest))
            .toBuilder()
            .setMessage(ByteString.copyFrom(digest))
            .build();
    assertRefused("UNKNOWN_KEY", Status.Code.NOT_FOUND, () -> them.start(asThem).receive());
  }

  @Test
  void aTicketWorksOnce() {
    String keyId = "once-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", digest);
    // The whole first session, so its redemption (after its commitment) has surely happened.
    node1.ecdsaSign(keyId, share, digest, DerivationPath.root(), ticket);
    assertRefused(
        "BAD_TICKET",
        Status.Code.PERMISSION_DENIED,
        () -> afterTheCommitment(openSign(keyId, digest, ticket)));
  }

  @Test
  void aKeyThatWasNeverFinalizedCannotSign() {
    String keyId = "p-" + RANDOM.nextLong();
    SessionId sid = Node1.sid();
    node1.ecdsaKeyGen(sid, keyId, node1.keygenTicket(keyId));
    byte[] digest = Node1.random(32);
    assertRefused(
        "UNKNOWN_KEY",
        Status.Code.NOT_FOUND,
        () -> openSign(keyId, digest, node1.signTicket(keyId, "secp256k1", digest)).receive());
    assertEquals(FinalizeReply.State.ABANDONED, node1.finalize(keyId, sid, false));
    assertTrue(node2.db.get(() -> node2.beans.keyShares.committed(KeyId.of(keyId))).isEmpty());
  }

  @Test
  void aKeygenForAnExistingKeyIdIsRefused() {
    String keyId = committedEcdsaKey();
    SessionId sid = Node1.sid();
    assertRefused(
        "KEY_EXISTS",
        Status.Code.ALREADY_EXISTS,
        () -> node1.ecdsaKeyGen(sid, keyId, node1.keygenTicket(keyId)));
    assertEquals(
        FinalizeReply.State.ABANDONED,
        node1.finalize(keyId, sid, true),
        "the refused session staged nothing");
  }

  @Test
  void aKeygenAbandonedMidwayLeavesNothing() {
    String keyId = "a-" + RANDOM.nextLong();
    SessionId sid = Node1.sid();
    Conversation c =
        node1.start(
            node1.open(sid, Operation.KEYGEN, Curve.SECP256K1, keyId, node1.keygenTicket(keyId)));
    c.receive();
    c.cancel();
    assertTrue(node2.db.get(() -> node2.beans.keyShares.committed(KeyId.of(keyId))).isEmpty());
    assertEquals(FinalizeReply.State.ABANDONED, node1.finalize(keyId, sid, true));
  }

  @Test
  void aCraftedC3FreezesTheKeyAtOnceAndForGood() {
    String keyId = "f-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    SessionId sid = Node1.sid();
    Conversation c = openSign(sid, keyId, digest, node1.signTicket(keyId, "secp256k1", digest));
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, BigInteger.ZERO),
            RANDOM);
    c.send(p2.onMessage(c.receive()).orElseThrow());
    SignPartial honest = SignPartial.fromBytes(p2.onMessage(c.receive()).orElseThrow());
    // BitForge-style probe: add 2^200 under encryption, so Dec(c3) is off by a known amount.
    BigInteger probe = share.paillierKey().encrypt(BigInteger.TWO.pow(200), RANDOM);
    c.send(new SignPartial(sid, share.paillierKey().add(honest.c3(), probe)).toBytes());
    assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, c::receive);

    assertTrue(node2.db.get(() -> node2.beans.keyShares.isFrozen(KeyId.of(keyId))));
    byte[] next = Node1.random(32);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", next);
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () -> openSign(keyId, next, ticket).receive());
    // The refusal came before the ticket was used: after an operator's unfreeze it still works.
    node2.db.run(() -> node2.beans.keyShares.unfreeze(KeyId.of(keyId), "operator"));
    node1.ecdsaSign(keyId, share, next, DerivationPath.root(), ticket);
  }

  @Test
  void aSessionThatDoesNotStartWithOpenOrIsNoSessionIsRefused() {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> node1.start(SessionOpen.newBuilder().setKeyId("x").build()).receive());
    assertEquals("PROTOCOL_VIOLATION", e.getTrailers().get(Refusals.REASON));
    String keyId = committedEcdsaKey();
    assertRefused(
        "PROTOCOL_VIOLATION",
        Status.Code.INVALID_ARGUMENT,
        () ->
            node1
                .start(
                    node1.open(
                        Node1.sid(),
                        Operation.ENROLL,
                        Curve.SECP256K1,
                        keyId,
                        node1.keygenTicket(keyId)))
                .receive());
  }

  @Test
  void theAuditChainStaysIntact() {
    committedEcdsaKey();
    assertTrue(node2.db.get(() -> node2.beans.audit.verify()).ok());
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String committedEcdsaKey() {
    String keyId = "c-" + RANDOM.nextLong();
    node1.committedEcdsaKey(keyId);
    return keyId;
  }

  private static Conversation openSign(String keyId, byte[] digest, byte[] ticket) {
    return openSign(Node1.sid(), keyId, digest, ticket);
  }

  private static Conversation openSign(SessionId sid, String keyId, byte[] digest, byte[] ticket) {
    return node1.start(
        node1.open(sid, Operation.SIGN, Curve.SECP256K1, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(digest))
            .build());
  }

  /**
   * Node 2 sends its nonce commitment, which says nothing of the key, before it uses up the ticket
   * (the redemption overlaps the round trip); a refused ticket ends the session right after it.
   */
  private static void afterTheCommitment(Conversation c) {
    c.receive();
    c.receive();
  }

  static void assertRefused(String reason, Status.Code code, Runnable session) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, session::run);
    assertEquals(code, e.getStatus().getCode(), e.toString());
    assertEquals(reason, e.getTrailers().get(Refusals.REASON));
    assertFalse(String.valueOf(e.getStatus().getDescription()).contains("xA"));
  }
}
