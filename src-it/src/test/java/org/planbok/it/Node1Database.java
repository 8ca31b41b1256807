package org.planbok.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Node 1's PostgreSQL database as the tests see it from outside, to prove what did not change. */
final class Node1Database {
  private Node1Database() {}

  /**
   * Row counts of every table the customer API writes, and a digest of the customers' contents: two
   * equal snapshots mean nothing was created, deleted or changed.
   */
  static String snapshot() {
    return query(
        "SELECT (SELECT count(*) FROM organization) || '/' || (SELECT count(*) FROM api_key)"
            + " || '/' || (SELECT count(*) FROM customer) || '/' || (SELECT count(*) FROM"
            + " idempotency_record) || '/' || coalesce((SELECT md5(string_agg(id || status ||"
            + " email || external_ref || version, ',' ORDER BY id)) FROM customer), '-')");
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
