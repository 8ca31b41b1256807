package org.planbok.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Binary columns of Node 1's database, read from outside as an attacker with a copy would. */
final class Node1Rows {
  private Node1Rows() {}

  static byte[] bytes(String sql, String param) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node1", "postgres", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row for " + sql);
        }
        return rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
