package org.planbok.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Node 1's PostgreSQL database as the tests see it from outside, to prove what did not change. */
final class Node1Database {
  private Node1Database() {}

  /**
   * Row counts of every table the API writes, and digests of the customers', vaults' and keys'
   * contents: two equal snapshots mean nothing was created, deleted or changed.
   */
  static String snapshot() {
    return query(
        "SELECT (SELECT count(*) FROM organization) || '/' || (SELECT count(*) FROM api_key)"
            + " || '/' || (SELECT count(*) FROM customer) || '/' || (SELECT count(*) FROM"
            + " idempotency_record) || '/' || coalesce((SELECT md5(string_agg(id || status ||"
            + " email || external_ref || version, ',' ORDER BY id)) FROM customer), '-')"
            + " || '/' || coalesce((SELECT md5(string_agg(id || encode(wrapped_key, 'hex') ||"
            + " version, ',' ORDER BY id)) FROM vault_wrapping), '-')"
            + " || '/' || coalesce((SELECT md5(string_agg(id || state || generation ||"
            + " frozen || export_count || version, ',' ORDER BY id)) FROM joint_key), '-')");
  }

  /** {@code key_id:state} of every joint key Node 1 holds for the subject, sorted. */
  static java.util.List<String> keys(String subject) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node1", "postgres", "");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id || ':' || state FROM joint_key WHERE subject = ? ORDER BY id")) {
      s.setString(1, subject);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Node 1's audit rows about {@code target}, as "action outcome actor", once each expected "action
   * outcome" is there as often as it is listed (recovery steps are appended on a thread of their
   * own); after 15 s, whatever is there.
   */
  static List<String> auditOf(String target, String... expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      String rows =
          query(
              "SELECT coalesce(string_agg(action || ' ' || outcome || ' ' || actor, '|'"
                  + " ORDER BY seq), '') FROM audit_entry WHERE target = ?",
              target);
      List<String> trail = rows.isEmpty() ? List.of() : List.of(rows.split("\\|"));
      boolean complete =
          Arrays.stream(expected)
              .distinct()
              .allMatch(
                  e ->
                      trail.stream().filter(r -> r.startsWith(e + " ")).count()
                          >= Arrays.stream(expected).filter(e::equals).count());
      if (complete || System.nanoTime() > deadline) {
        return trail;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return trail;
      }
    }
  }

  static long count(String sql, String... params) {
    return Long.parseLong(query(sql, params));
  }

  static String query(String sql, String... params) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node1", "postgres", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
