package org.planbok.node2.keys.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.sealing.control.SealedBlobRejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;

/**
 * Refresh in two phases: a new share staged beside the current one under its session, made current
 * by a commit (which also lifts a freeze), dropped by an abandon, a newer refresh or the clean-up.
 */
class KeyGenerationsTest {
  private static final Subject CUSTOMER = Subject.of("customer:1");

  private static final String KEYGEN = "keygen-session";
  private final byte[] masterKey = Node2Beans.randomKey();
  private final TestDatabase db = TestDatabase.h2();
  private final Node2Beans beans =
      new Node2Beans(db, MasterKeys.of(masterKey, null), Map.of()).prepared();
  private final KeyShares shares = beans.keyShares;
  private final byte[] first = "share of the keygen".getBytes(UTF_8);
  private final byte[] refreshed = "share after a refresh".getBytes(UTF_8);
  private final KeyId id = KeyId.random();

  KeyGenerationsTest() {
    db.run(() -> shares.stage(id, CUSTOMER, Curve.ED25519, first, "ab", KEYGEN));
    assertEquals(StagedState.COMMITTED, finalize(KEYGEN, true));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private StagedState finalize(String session, boolean commit) {
    return db.get(() -> shares.finalizeStaged(id, session, commit));
  }

  private void stage(byte[] blob, String session, String base) {
    db.run(() -> shares.stageGeneration(id, blob, session, base));
  }

  private byte[] current() {
    return db.get(() -> shares.committed(id)).orElseThrow().share();
  }

  private String generation() {
    return db.get(() -> shares.committed(id)).orElseThrow().generation();
  }

  @Test
  void aRefreshIsStagedBesideTheCurrentShareUntilCommitted() {
    stage(refreshed, "refresh-1", KEYGEN);
    assertArrayEquals(first, current(), "signing still uses the current share");
    assertEquals(StagedState.COMMITTED, finalize("refresh-1", true));
    assertArrayEquals(refreshed, current());
    assertEquals("refresh-1", generation());
    assertNull(row().pendingSealedShare());
    assertEquals(StagedState.COMMITTED, finalize("refresh-1", true), "idempotent");
    assertEquals(StagedState.COMMITTED, finalize("refresh-1", false), "too late to abandon");
    assertEquals(StagedState.COMMITTED, finalize(KEYGEN, false), "the keygen was committed");
    assertArrayEquals(refreshed, current());
  }

  @Test
  void anAbandonedRefreshLeavesTheCurrentShare() {
    stage(refreshed, "refresh-1", KEYGEN);
    assertEquals(StagedState.ABANDONED, finalize("refresh-1", false));
    assertEquals(StagedState.ABANDONED, finalize("refresh-1", false), "idempotent");
    assertEquals(StagedState.ABANDONED, finalize("refresh-1", true), "too late to commit");
    assertArrayEquals(first, current());
    assertEquals(KEYGEN, generation());
  }

  @Test
  void aNewerRefreshReplacesAnOlderPendingOne() {
    stage(first, "refresh-1", KEYGEN);
    stage(refreshed, "refresh-2", KEYGEN);
    assertEquals(StagedState.ABANDONED, finalize("refresh-1", true));
    assertEquals(StagedState.COMMITTED, finalize("refresh-2", true));
    assertArrayEquals(refreshed, current());
    assertEquals(List.of("refresh-1"), auditSessions("key.refresh.replace"));
  }

  @Test
  void rejectsARefreshOfAGenerationThatWasReplacedMeanwhile() {
    stage(refreshed, "refresh-1", KEYGEN);
    finalize("refresh-1", true);
    KeyRefused e =
        assertThrows(KeyRefused.class, () -> stage(first, "refresh-2", KEYGEN), "a stale base");
    assertEquals(KeyRefused.Reason.STALE_GENERATION, e.reason());
    assertNull(row().pendingSessionId());
  }

  @Test
  void rejectsARefreshOfAPendingOrUnknownKey() {
    KeyId pending = KeyId.random();
    db.run(() -> shares.stage(pending, CUSTOMER, Curve.ED25519, first, "ab", "s"));
    assertEquals(
        KeyRefused.Reason.NOT_COMMITTED,
        assertThrows(
                KeyRefused.class,
                () -> db.run(() -> shares.stageGeneration(pending, refreshed, "r", "s")))
            .reason());
    assertEquals(
        KeyRefused.Reason.UNKNOWN_KEY,
        assertThrows(
                KeyRefused.class,
                () -> db.run(() -> shares.stageGeneration(KeyId.random(), refreshed, "r", "s")))
            .reason());
  }

  @Test
  void onlyACommittedRefreshLiftsAFreeze() {
    db.run(() -> shares.freeze(id, "joint signature failed"));
    stage(first, "refresh-1", KEYGEN);
    assertTrue(db.get(() -> shares.isFrozen(id)), "still frozen while staged");
    finalize("refresh-1", false);
    assertTrue(db.get(() -> shares.isFrozen(id)), "an abandoned refresh lifts nothing");
    stage(refreshed, "refresh-2", KEYGEN);
    assertEquals(StagedState.COMMITTED, finalize("refresh-2", true));
    assertFalse(db.get(() -> shares.isFrozen(id)));
    assertEquals(List.of("refresh-2"), auditSessions("key.unfreeze"));
    assertEquals(
        "by refresh refresh-2",
        db.get(
            () ->
                db.entityManager()
                    .createQuery(
                        "SELECT a.detail FROM AuditRecord a WHERE a.operation = 'key.unfreeze'",
                        String.class)
                    .getSingleResult()));
    assertTrue(db.get(() -> beans.audit.verify()).ok());
  }

  @Test
  void theCleanUpDropsOldPendingGenerationsAndKeepsTheKey() {
    stage(refreshed, "refresh-1", KEYGEN);
    beans.clock.advance(Duration.ofMinutes(11));
    KeyId other = KeyId.random();
    db.run(() -> shares.stage(other, CUSTOMER, Curve.ED25519, first, "ab", "s"));
    db.get(() -> shares.finalizeStaged(other, "s", true));
    db.run(() -> shares.stageGeneration(other, refreshed, "fresh", "s"));

    assertEquals(1, (int) db.get(() -> shares.deleteAbandonedOlderThan(Duration.ofMinutes(10))));

    assertArrayEquals(first, current());
    assertEquals(StagedState.ABANDONED, finalize("refresh-1", true), "swept");
    assertEquals(StagedState.COMMITTED, db.get(() -> shares.finalizeStaged(other, "fresh", true)));
    assertEquals(List.of("refresh-1"), auditSessions("key.refresh.cleanup"));
  }

  @Test
  void aPendingShareDoesNotUnsealAsTheCurrentOne() throws Exception {
    stage(refreshed, "refresh-1", KEYGEN);
    try (Connection c = db.jdbc();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE node2_key_share SET sealed_share = pending_sealed_share WHERE key_id = ?")) {
      s.setString(1, id.value());
      assertEquals(1, s.executeUpdate());
    }
    assertThrows(SealedBlobRejected.class, () -> db.get(() -> shares.committed(id)));
  }

  @Test
  void aRotationResealsThePendingShareToo() {
    stage(refreshed, "refresh-1", KEYGEN);
    byte[] newKey = Node2Beans.rotationKey(masterKey);
    Node2Beans rotated = new Node2Beans(db, MasterKeys.of(newKey, masterKey), Map.of());
    assertEquals(2, (int) db.get(() -> rotated.keyShares.resealStale()));
    assertTrue(rotated.sealer.isCurrent(row().pendingSealedShare()));
    db.get(() -> rotated.sealedKeys.resealStale()); // the audit anchor key, as Rotation does
    Node2Beans onlyNew = new Node2Beans(db, MasterKeys.of(newKey, null), Map.of());
    assertEquals(
        StagedState.COMMITTED,
        db.get(() -> onlyNew.keyShares.finalizeStaged(id, "refresh-1", true)));
  }

  private KeyShareRecord row() {
    return db.get(() -> db.entityManager().find(KeyShareRecord.class, id.value()));
  }

  private List<String> auditSessions(String operation) {
    return db.get(
        () ->
            db.entityManager()
                .createQuery(
                    "SELECT a.sessionId FROM AuditRecord a WHERE a.operation = :op"
                        + " ORDER BY a.sequence",
                    String.class)
                .setParameter("op", operation)
                .getResultList());
  }
}
