package org.planbok.node2.keys.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.keys.entity.KeyState;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.sealing.control.SealedBlobRejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;

class KeySharesTest {
  private static final Subject CUSTOMER = Subject.of("customer:1");

  private final byte[] masterKey = Node2Beans.randomKey();
  private final TestDatabase db = TestDatabase.h2();
  private final Node2Beans beans =
      new Node2Beans(db, MasterKeys.of(masterKey, null), Map.of()).prepared();
  private final KeyShares shares = beans.keyShares;
  private final byte[] blob = "share blob: xA, Paillier p and q".getBytes(UTF_8);

  @AfterEach
  void close() {
    db.close();
  }

  private KeyId staged() {
    KeyId id = KeyId.random();
    db.run(() -> shares.stage(id, CUSTOMER, Curve.SECP256K1, blob, "02abcdef", "session-1"));
    return id;
  }

  private StagedState finalize(KeyId id, String session, boolean commit) {
    return db.get(() -> shares.finalizeStaged(id, session, commit));
  }

  private KeyId committed() {
    KeyId id = staged();
    assertEquals(StagedState.COMMITTED, finalize(id, "session-1", true));
    return id;
  }

  @Test
  void stagesCommitsAndLoads() {
    KeyId id = staged();
    assertEquals(Optional.empty(), db.get(() -> shares.committed(id)), "pending is not usable");
    assertEquals(StagedState.COMMITTED, finalize(id, "session-1", true));
    assertEquals(StagedState.COMMITTED, finalize(id, "session-1", true), "idempotent");
    assertEquals(StagedState.COMMITTED, finalize(id, "session-1", false), "too late to abandon");
    try (StoredShare stored = db.get(() -> shares.committed(id)).orElseThrow()) {
      assertArrayEquals(blob, stored.share());
      assertEquals(Curve.SECP256K1, stored.curve());
      assertEquals("02abcdef", stored.publicKeyHex());
      assertEquals("session-1", stored.generation());
      assertFalse(stored.frozen());
      assertFalse(stored.toString().contains("share blob"));
    }
  }

  @Test
  void aFinalizeOfAnotherSessionChangesNothingAndAnswersAbandoned() {
    KeyId pending = staged();
    assertEquals(StagedState.ABANDONED, finalize(pending, "session-2", true));
    assertEquals(StagedState.ABANDONED, finalize(pending, "session-2", false));
    assertEquals(KeyState.PENDING, row(pending).state(), "the other session's key is untouched");
    KeyId committed = committed();
    assertEquals(StagedState.ABANDONED, finalize(committed, "session-2", true));
    assertEquals(StagedState.COMMITTED, finalize(committed, "session-1", false));
    assertTrue(db.get(() -> shares.committed(committed)).isPresent());
  }

  @Test
  void aFinalizeOfAnUnknownKeyAnswersAbandoned() {
    assertEquals(StagedState.ABANDONED, finalize(KeyId.random(), "session-1", true));
    assertEquals(StagedState.ABANDONED, finalize(KeyId.random(), "session-1", false));
  }

  @Test
  void rejectsAStageOfAnExistingKey() {
    KeyId id = staged();
    KeyRefused again =
        assertThrows(
            KeyRefused.class,
            () -> db.run(() -> shares.stage(id, CUSTOMER, Curve.ED25519, blob, "aa", "s")));
    assertEquals(KeyRefused.Reason.ALREADY_EXISTS, again.reason());
  }

  @Test
  void abandonsAPendingKeyForGoodButNotACommittedOne() {
    KeyId pending = staged();
    assertEquals(StagedState.ABANDONED, finalize(pending, "session-1", false));
    assertEquals(null, row(pending));
    assertEquals(StagedState.ABANDONED, finalize(pending, "session-1", false), "already gone");
    assertEquals(StagedState.ABANDONED, finalize(pending, "session-1", true), "too late");
    assertEquals(null, row(pending));

    KeyId committed = committed();
    assertEquals(StagedState.COMMITTED, finalize(committed, "session-1", false));
    assertTrue(db.get(() -> shares.committed(committed)).isPresent());
  }

  @Test
  void cleanUpDeletesOnlyOldPendingShares() {
    KeyId oldPending = staged();
    KeyId oldCommitted = committed();
    beans.clock.advance(Duration.ofMinutes(11));
    KeyId newPending = staged();

    assertEquals(1, (int) db.get(() -> shares.deleteAbandonedOlderThan(Duration.ofMinutes(10))));

    assertEquals(null, row(oldPending));
    assertEquals(KeyState.COMMITTED, row(oldCommitted).state());
    assertEquals(KeyState.PENDING, row(newPending).state());
    assertEquals(StagedState.ABANDONED, finalize(oldPending, "session-1", true), "swept");
    assertTrue(db.get(() -> beans.audit.verify()).ok());
  }

  @Test
  void freezePersistsAndANewEntityManagerSeesIt() throws Exception {
    KeyId id = committed();
    db.run(() -> shares.freeze(id, "signature did not verify"));

    // a fresh transaction has a fresh EntityManager and there is no shared cache
    assertTrue(db.get(() -> shares.isFrozen(id)));
    assertEquals("signature did not verify", row(id).frozenReason());
    try (Connection c = db.jdbc();
        PreparedStatement s =
            c.prepareStatement("SELECT frozen FROM node2_key_share WHERE key_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        assertTrue(r.getBoolean(1));
      }
    }
    assertTrue(db.get(() -> shares.committed(id)).orElseThrow().frozen());

    db.run(() -> shares.unfreeze(id, "admin@example.org"));
    assertFalse(db.get(() -> shares.isFrozen(id)));
  }

  @Test
  void refusesUnknownKeys() {
    KeyId unknown = KeyId.random();
    assertEquals(
        KeyRefused.Reason.UNKNOWN_KEY,
        assertThrows(KeyRefused.class, () -> db.run(() -> shares.freeze(unknown, "x"))).reason());
    assertEquals(
        KeyRefused.Reason.UNKNOWN_KEY,
        assertThrows(KeyRefused.class, () -> db.get(() -> shares.isFrozen(unknown))).reason());
    assertEquals(Optional.empty(), db.get(() -> shares.committed(unknown)));
  }

  @Test
  void aShareMovedToAnotherRowDoesNotUnseal() throws Exception {
    KeyId a = committed();
    KeyId b = committed();
    try (Connection c = db.jdbc();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE node2_key_share SET sealed_share ="
                    + " (SELECT sealed_share FROM node2_key_share WHERE key_id = ?)"
                    + " WHERE key_id = ?")) {
      s.setString(1, a.value());
      s.setString(2, b.value());
      assertEquals(1, s.executeUpdate());
    }
    assertThrows(SealedBlobRejected.class, () -> db.get(() -> shares.committed(b)));
  }

  @Test
  void afterARotationAShareStillReadsUntilTheStartUpPassReSealsIt() {
    KeyId id = committed();
    Node2Beans rotated =
        new Node2Beans(db, MasterKeys.of(Node2Beans.rotationKey(masterKey), masterKey), Map.of());
    assertFalse(rotated.sealer.isCurrent(row(id).sealedShare()));
    assertArrayEquals(blob, db.get(() -> rotated.keyShares.committed(id)).orElseThrow().share());
    assertTrue(db.get(() -> rotated.keyShares.resealStale()) >= 1);
    assertTrue(rotated.sealer.isCurrent(row(id).sealedShare()));
    assertArrayEquals(blob, db.get(() -> rotated.keyShares.committed(id)).orElseThrow().share());
    assertEquals(0, db.get(() -> rotated.keyShares.resealStale()));
  }

  private KeyShareRecord row(KeyId id) {
    return db.get(() -> db.entityManager().find(KeyShareRecord.class, id.value()));
  }
}
