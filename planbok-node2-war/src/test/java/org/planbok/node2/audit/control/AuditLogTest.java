package org.planbok.node2.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.node2.audit.control.ChainVerification.Break;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;

class AuditLogTest {
  private TestDatabase db = TestDatabase.h2();
  private Node2Beans beans = new Node2Beans(db).prepared();

  @AfterEach
  void close() {
    db.close();
  }

  private void appendRows(int n) {
    for (int i = 1; i <= n; i++) {
      int row = i;
      db.run(() -> beans.audit.append("s-" + row, "key.sign", "key-" + row, "OK", "row " + row));
    }
  }

  private ChainVerification verify() {
    return db.get(() -> beans.audit.verify());
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
  void appendsAndVerifies() {
    assertEquals(ChainVerification.intact(0), verify());
    appendRows(6);
    ChainVerification v = verify();
    assertTrue(v.ok(), v.toString());
    assertEquals(6, v.rowsChecked());
  }

  @Test
  void detectsAChangedRow() throws SQLException {
    appendRows(6);
    sql("UPDATE node2_audit SET outcome = 'FAILED' WHERE seq = 3");
    assertEquals(ChainVerification.broken(2, 3, Break.CHANGED), verify());
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
                "SELECT at_epoch_ms, session_id, operation, subject, outcome, prev_hash"
                    + " FROM node2_audit WHERE seq = 3")) {
      assertTrue(r.next());
      byte[] forged =
          AuditLog.hash(
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
              "UPDATE node2_audit SET detail = 'nothing happened', row_hash = ? WHERE seq = 3")) {
        u.setBytes(1, forged);
        assertEquals(1, u.executeUpdate());
      }
    }
    assertEquals(ChainVerification.broken(3, 3, Break.CHANGED), verify());
  }

  @Test
  void detectsADeletedRow() throws SQLException {
    appendRows(6);
    sql("DELETE FROM node2_audit WHERE seq = 4");
    assertEquals(ChainVerification.broken(3, 4, Break.REMOVED), verify());
  }

  @Test
  void detectsADeletedRowWhenTheRestWereRenumbered() throws SQLException {
    appendRows(6);
    sql(
        "DELETE FROM node2_audit WHERE seq = 4",
        "UPDATE node2_audit SET seq = seq - 1 WHERE seq > 4");
    assertEquals(ChainVerification.broken(3, 4, Break.REMOVED), verify());
  }

  @Test
  void detectsADeletedTail() throws SQLException {
    appendRows(6);
    sql("DELETE FROM node2_audit WHERE seq >= 5");
    assertEquals(ChainVerification.broken(4, 5, Break.REMOVED), verify());
  }

  @Test
  void detectsASwappedPair() throws SQLException {
    appendRows(6);
    sql(
        "UPDATE node2_audit SET seq = -1 WHERE seq = 3",
        "UPDATE node2_audit SET seq = 3 WHERE seq = 4",
        "UPDATE node2_audit SET seq = 4 WHERE seq = -1");
    assertEquals(ChainVerification.broken(2, 3, Break.REORDERED), verify());
  }

  @Test
  void detectsAForgedHead() throws SQLException {
    appendRows(3);
    sql("UPDATE node2_audit_head SET last_seq = 2");
    assertEquals(Break.CHANGED, verify().why());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void concurrentAppendsNeverForkTheChain(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = new Node2Beans(db).prepared();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    db.run(() -> beans.audit.append("s", "op", "t" + thread, "OK", ""));
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
