package org.planbok.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Node 2's PostgreSQL database, read from outside by the tests. */
final class Node2Database {
  private Node2Database() {}

  /** {@code key_id:state} of every key share Node 2 holds for the subject, sorted. */
  static List<String> keys(String subject) {
    return rows(
        "SELECT key_id || ':' || state FROM node2_key_share WHERE subject = ? ORDER BY key_id",
        subject);
  }

  /**
   * Row counts of Node 2's tables that a request can change: equal snapshots mean Node 2 was not
   * asked anything (every check, enrollment, ticket and session is audited).
   */
  static String snapshot() {
    return rows("SELECT (SELECT count(*) FROM node2_audit) || '/' || (SELECT count(*) FROM"
            + " node2_key_share)")
        .get(0);
  }

  static List<String> rows(String sql, String... params) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node2", "postgres", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      List<String> out = new ArrayList<>();
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
}
