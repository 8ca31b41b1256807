package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.FinalizeReply.State;
import org.planbok.node2.api.Operation;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * Share refresh over in-process gRPC for both curves: the public key stays, the new shares work
 * together only once committed, the old ones stop working, a refresh that is abandoned, replaced or
 * swept leaves the old generation in use, and committing one lifts a freeze.
 */
class RefreshSessionsTest {
  private static final byte[] MESSAGE = "pay 1 unit to bob".getBytes(StandardCharsets.UTF_8);
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
  void anEcdsaRefreshKeepsTheKeyAndAfterTheCommitOnlyTheNewSharesSign() {
    String keyId = keyId();
    EcdsaP2KeyShare old = node1.committedEcdsaKey(keyId);
    SessionId sid = Node1.sid();
    EcdsaP2KeyShare renewed = node1.ecdsaRefresh(sid, keyId, old, node1.refreshTicket(keyId));
    assertTrue(ecdsaSigns(keyId, old), "staged, not yet in use");

    assertEquals(State.COMMITTED, node1.finalize(keyId, sid, true));

    assertTrue(ecdsaSigns(keyId, renewed));
    assertEquals(old.publicKey(), renewed.publicKey());
    // Node 1's proofs are bound to its public share, which the refresh moved: Node 2 sees it.
    assertRefused("BAD_PROOF", Status.Code.INVALID_ARGUMENT, () -> ecdsaSigns(keyId, old));
  }

  @Test
  void anEddsaRefreshKeepsTheKeyAndAfterTheCommitOnlyTheNewSharesSign() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId sid = Node1.sid();
    EddsaKeyShare renewed = node1.eddsaRefresh(sid, keyId, old, node1.refreshTicket(keyId));
    assertEquals(State.COMMITTED, node1.finalize(keyId, sid, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, sid, false), "asked again");

    assertTrue(Node1.verifies(old, node1.eddsaSign(keyId, renewed, MESSAGE), MESSAGE));
    assertRefused(
        "BAD_PROOF", Status.Code.INVALID_ARGUMENT, () -> node1.eddsaSign(keyId, old, MESSAGE));
  }

  @Test
  void aKeyFrozenASecondTimeStaysFrozenForGood() {
    String keyId = keyId();
    EcdsaP2KeyShare old = node1.committedEcdsaKey(keyId);
    node2.db.run(() -> node2.beans.keyShares.freeze(KeyId.of(keyId), "first probe"));
    SessionId first = Node1.sid();
    EcdsaP2KeyShare renewed = node1.ecdsaRefresh(first, keyId, old, node1.refreshTicket(keyId));
    assertEquals(State.COMMITTED, node1.finalize(keyId, first, true));
    node2.db.run(() -> node2.beans.keyShares.freeze(KeyId.of(keyId), "second probe"));
    // A compromised Node 1 that sees the secret could otherwise probe, refresh and probe again.
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () -> node1.ecdsaRefresh(Node1.sid(), keyId, renewed, node1.refreshTicket(keyId)));
    assertTrue(node2.db.get(() -> node2.beans.keyShares.isFrozen(KeyId.of(keyId))));
  }

  @Test
  void refreshingAFrozenEcdsaKeyLiftsTheFreezeOnlyAtTheCommit() {
    String keyId = keyId();
    EcdsaP2KeyShare old = node1.committedEcdsaKey(keyId);
    node2.db.run(() -> node2.beans.keyShares.freeze(KeyId.of(keyId), "joint signature failed"));
    SessionId sid = Node1.sid();
    EcdsaP2KeyShare renewed = node1.ecdsaRefresh(sid, keyId, old, node1.refreshTicket(keyId));
    byte[] digest = Node1.random(32);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", digest);
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () -> node1.ecdsaSign(keyId, renewed, digest, DerivationPath.root(), ticket));

    assertEquals(State.COMMITTED, node1.finalize(keyId, sid, true));

    assertFalse(node2.db.get(() -> node2.beans.keyShares.isFrozen(KeyId.of(keyId))));
    assertTrue(
        node1
            .ecdsaSign(keyId, renewed, digest, DerivationPath.root(), ticket)
            .verifies(renewed.publicKey(), digest));
    assertEquals(
        List.of("by refresh " + sid.hex()),
        node2.db.get(
            () ->
                node2
                    .db
                    .entityManager()
                    .createQuery(
                        "SELECT a.detail FROM AuditRecord a WHERE a.operation = 'key.unfreeze'"
                            + " AND a.subject = :key",
                        String.class)
                    .setParameter("key", keyId)
                    .getResultList()));
  }

  @Test
  void anAbandonedRefreshLeavesTheOldGenerationWorking() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId sid = Node1.sid();
    EddsaKeyShare renewed = node1.eddsaRefresh(sid, keyId, old, node1.refreshTicket(keyId));
    assertEquals(State.ABANDONED, node1.finalize(keyId, sid, false));
    assertEquals(State.ABANDONED, node1.finalize(keyId, sid, true), "too late to commit");

    assertTrue(Node1.verifies(old, node1.eddsaSign(keyId, old, MESSAGE), MESSAGE));
    assertRefused(
        "BAD_PROOF", Status.Code.INVALID_ARGUMENT, () -> node1.eddsaSign(keyId, renewed, MESSAGE));
  }

  @Test
  void aNewerRefreshReplacesAnOlderOneThatWasNotFinalized() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId first = Node1.sid();
    node1.eddsaRefresh(first, keyId, old, node1.refreshTicket(keyId));
    SessionId second = Node1.sid();
    EddsaKeyShare renewed = node1.eddsaRefresh(second, keyId, old, node1.refreshTicket(keyId));
    assertEquals(State.ABANDONED, node1.finalize(keyId, first, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, second, true));
    assertTrue(Node1.verifies(old, node1.eddsaSign(keyId, renewed, MESSAGE), MESSAGE));
  }

  @Test
  void aRefreshNobodyFinalizesIsSweptAndTheOldShareKeepsSigning() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId sid = Node1.sid();
    node1.eddsaRefresh(sid, keyId, old, node1.refreshTicket(keyId));
    node2.beans.clock.advance(Duration.ofMinutes(11));
    assertTrue(
        node2.db.get(() -> node2.beans.keyShares.deleteAbandonedOlderThan(Duration.ofMinutes(10)))
            >= 1);
    assertEquals(State.ABANDONED, node1.finalize(keyId, sid, true));
    assertTrue(Node1.verifies(old, node1.eddsaSign(keyId, old, MESSAGE), MESSAGE));
  }

  @Test
  void rejectsARefreshWithoutItsTicketOfAnUnknownOrForeignKeyOrOfTheWrongCurve() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    for (byte[] ticket :
        List.of(new byte[0], node1.keygenTicket(keyId), node1.refreshTicket("another-key"))) {
      assertRefused(
          "BAD_TICKET",
          Status.Code.PERMISSION_DENIED,
          () -> node1.eddsaRefresh(Node1.sid(), keyId, old, ticket));
    }
    assertRefused(
        "UNKNOWN_KEY",
        Status.Code.NOT_FOUND,
        () -> node1.eddsaRefresh(Node1.sid(), "no-such-key", old, node1.refreshTicket("x")));
    Node1 them = new Node1(node2, "customer:2");
    assertRefused(
        "UNKNOWN_KEY",
        Status.Code.NOT_FOUND,
        () -> them.eddsaRefresh(Node1.sid(), keyId, old, them.refreshTicket(keyId)));
    assertRefused(
        "PROTOCOL_VIOLATION",
        Status.Code.INVALID_ARGUMENT,
        () ->
            node1
                .start(
                    node1.open(
                        Node1.sid(),
                        Operation.REFRESH,
                        Curve.SECP256K1,
                        keyId,
                        node1.refreshTicket(keyId)))
                .receive());
  }

  @Test
  void aMalformedContributionStagesNothing() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId sid = Node1.sid();
    Conversation c =
        node1.start(
            node1.open(sid, Operation.REFRESH, Curve.ED25519, keyId, node1.refreshTicket(keyId)));
    c.receive();
    c.send(new byte[] {1, 2, 3});
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, c::receive);
    assertEquals(State.ABANDONED, node1.finalize(keyId, sid, true));
    assertTrue(Node1.verifies(old, node1.eddsaSign(keyId, old, MESSAGE), MESSAGE));
  }

  private static String keyId() {
    return "r-" + InProcessNode2.RANDOM.nextLong();
  }

  /** Signs a random digest with Node 1's half and checks the signature under the joint key. */
  private static boolean ecdsaSigns(String keyId, EcdsaP2KeyShare share) {
    byte[] digest = Node1.random(32);
    return node1.ecdsaSign(keyId, share, digest).verifies(share.publicKey(), digest);
  }
}
