package org.planbok.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.audit.control.ChainVerification.Break;
import org.planbok.audit.entity.AuditEntry;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.testing.TestDatabase;

class AuditLogTest {
  private static final OrganizationId ACME = new OrganizationId(UUID.randomUUID());
  private static final OrganizationId OTHER = new OrganizationId(UUID.randomUUID());
  private static final AuditChain CHAIN = AuditChain.of(ACME);

  private TestDatabase db = TestDatabase.h2();
  private AuditLog audit = auditOn(db);

  static AuditLog auditOn(TestDatabase db) {
    return TestAuditLog.on(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void appendRows(int n) {
    for (int i = 1; i <= n; i++) {
      int row = i;
      db.run(
          () -> audit.append(ACME, "api-key.create", "api-key:" + row, "OK", "label row " + row));
    }
  }

  private ChainVerification verify() {
    return db.inTransaction(() -> audit.verify(CHAIN));
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.jdbc();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    }
  }

  @Test
  void appendsVerifiesAndPagesNewestFirst() {
    assertEquals(ChainVerification.intact(0), verify());
    appendRows(6);
    ChainVerification v = verify();
    assertTrue(v.ok(), v.toString());
    assertEquals(6, v.rowsChecked());
    List<AuditEntry> first = db.inTransaction(() -> audit.page(CHAIN, Optional.empty(), 4));
    assertEquals(List.of(6L, 5L, 4L, 3L), first.stream().map(AuditEntry::sequence).toList());
    assertEquals("system", first.get(0).actor(), "outside a request the actor is the system");
    List<AuditEntry> rest = db.inTransaction(() -> audit.page(CHAIN, Optional.of(3L), 4));
    assertEquals(List.of(2L, 1L), rest.stream().map(AuditEntry::sequence).toList());
  }

  @Test
  void eachOrganizationHasItsOwnChain() throws SQLException {
    appendRows(3);
    db.run(() -> audit.append(OTHER, "customer.disable", "customer:x", "OK", ""));
    assertEquals(1, db.inTransaction(() -> audit.verify(AuditChain.of(OTHER))).rowsChecked());
    assertEquals(
        1, db.inTransaction(() -> audit.page(AuditChain.of(OTHER), Optional.empty(), 50)).size());
    // Tampering with one organization's chain leaves the other's intact.
    sql("UPDATE audit_entry SET detail = 'edited' WHERE seq = 2 AND chain = '" + CHAIN + "'");
    assertEquals(ChainVerification.broken(1, 2, Break.CHANGED), verify());
    assertTrue(db.inTransaction(() -> audit.verify(AuditChain.of(OTHER))).ok());
  }

  @Test
  void aRowMovedToAnotherChainDoesNotVerifyThere() throws SQLException {
    appendRows(3);
    db.run(() -> audit.append(OTHER, "customer.disable", "customer:x", "OK", ""));
    sql(
        "UPDATE audit_entry SET chain = '"
            + AuditChain.of(OTHER)
            + "', seq = 2 WHERE seq = 3 AND chain = '"
            + CHAIN
            + "'");
    assertEquals(Break.CHANGED, db.inTransaction(() -> audit.verify(AuditChain.of(OTHER))).why());
    assertEquals(ChainVerification.broken(2, 3, Break.REMOVED), verify());
  }

  @Test
  void detectsAChangedRow() throws SQLException {
    appendRows(6);
    sql("UPDATE audit_entry SET outcome = 'FAILED' WHERE seq = 3");
    assertEquals(ChainVerification.broken(2, 3, Break.CHANGED), verify());
  }

  @Test
  void detectsAChangedActor() throws SQLException {
    appendRows(4);
    sql("UPDATE audit_entry SET actor = 'console:someone-else@example.com' WHERE seq = 2");
    assertEquals(ChainVerification.broken(1, 2, Break.CHANGED), verify());
  }

  @Test
  void detectsAChangedRowWhoseHashWasRecomputed() throws SQLException {
    appendRows(6);
    // An attacker who knows the (public) hash function rewrites row 3 and its hash consistently:
    // row 3 then checks out by itself, but row 4 no longer chains to it.
    try (Connection c = db.jdbc();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT at_epoch_us, actor, action, target, outcome, prev_hash"
                    + " FROM audit_entry WHERE seq = 3")) {
      assertTrue(r.next());
      byte[] forged =
          AuditHash.of(
              CHAIN.value(),
              3,
              r.getLong(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              "nothing happened",
              r.getBytes(6));
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE audit_entry SET detail = 'nothing happened', row_hash = ? WHERE seq = 3")) {
        u.setBytes(1, forged);
        assertEquals(1, u.executeUpdate());
      }
    }
    assertEquals(ChainVerification.broken(3, 3, Break.CHANGED), verify());
  }

  @Test
  void detectsADeletedRow() throws SQLException {
    appendRows(6);
    sql("DELETE FROM audit_entry WHERE seq = 4");
    assertEquals(ChainVerification.broken(3, 4, Break.REMOVED), verify());
  }

  @Test
  void detectsADeletedRowWhenTheRestWereRenumbered() throws SQLException {
    appendRows(6);
    sql(
        "DELETE FROM audit_entry WHERE seq = 4",
        "UPDATE audit_entry SET seq = seq - 1 WHERE seq > 4");
    assertEquals(ChainVerification.broken(3, 4, Break.REMOVED), verify());
  }

  @Test
  void detectsADeletedTail() throws SQLException {
    appendRows(6);
    sql("DELETE FROM audit_entry WHERE seq >= 5");
    assertEquals(ChainVerification.broken(4, 5, Break.REMOVED), verify());
  }

  @Test
  void detectsASwappedPair() throws SQLException {
    appendRows(6);
    sql(
        "UPDATE audit_entry SET seq = -1 WHERE seq = 3",
        "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
        "UPDATE audit_entry SET seq = 4 WHERE seq = -1");
    assertEquals(ChainVerification.broken(2, 3, Break.REORDERED), verify());
  }

  @Test
  void detectsAForgedHead() throws SQLException {
    appendRows(3);
    sql("UPDATE audit_head SET last_seq = 2");
    assertEquals(Break.CHANGED, verify().why());
  }

  @Test
  void anAppendRolledBackWithItsChangeLeavesNoRow() {
    appendRows(2);
    try {
      db.run(
          () -> {
            audit.append(ACME, "customer.disable", "customer:y", "OK", "");
            throw new IllegalStateException("the change failed");
          });
    } catch (IllegalStateException expected) {
      // the row went with it
    }
    appendRows(1);
    ChainVerification v = verify();
    assertTrue(v.ok(), v.toString());
    assertEquals(3, v.rowsChecked());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void detectsTamperingOnEitherDatabase(String kind) throws SQLException {
    db.close();
    db = TestDatabase.named(kind);
    audit = auditOn(db);
    appendRows(8);
    sql(
        "UPDATE audit_entry SET seq = -1 WHERE seq = 6",
        "UPDATE audit_entry SET seq = 6 WHERE seq = 7",
        "UPDATE audit_entry SET seq = 7 WHERE seq = -1");
    assertEquals(ChainVerification.broken(5, 6, Break.REORDERED), verify());
    sql("UPDATE audit_entry SET detail = 'edited' WHERE seq = 4");
    assertEquals(ChainVerification.broken(3, 4, Break.CHANGED), verify());
    sql("DELETE FROM audit_entry WHERE seq = 2");
    assertEquals(ChainVerification.broken(1, 2, Break.REMOVED), verify());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void concurrentAppendsNeverForkTheChain(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    audit = auditOn(db);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    db.run(() -> audit.append(ACME, "op", "t" + thread, "OK", ""));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ChainVerification v = verify();
    assertTrue(v.ok(), v.toString());
    assertEquals(200, v.rowsChecked());
  }
}
