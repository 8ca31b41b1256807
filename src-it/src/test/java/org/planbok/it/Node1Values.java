package org.planbok.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every value in every column of every table of Node 1's database, read as a thief of a copy would
 * read it: binary columns as their bytes, the rest as their text, and runs of hex or base64 inside
 * text decoded as well (a value may be stored encoded).
 */
final class Node1Values {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64,}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{43,}");

  /** One stored value, where it is, and the {@code id} of its row (null for tables without one). */
  record Value(String where, String rowId, byte[] bytes) {}

  private Node1Values() {}

  static List<Value> all() {
    List<Value> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node1", "postgres", "");
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          int idColumn = 0;
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnName(i).equals("id")) {
              idColumn = i;
            }
          }
          while (rs.next()) {
            String rowId = idColumn == 0 ? null : rs.getString(idColumn);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String where = table + "." + meta.getColumnName(i);
              int type = meta.getColumnType(i);
              if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                byte[] b = rs.getBytes(i);
                if (b != null) {
                  out.add(new Value(where, rowId, b));
                }
              } else {
                String text = rs.getString(i);
                if (text != null) {
                  addText(out, where, rowId, text);
                }
              }
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addText(List<Value> out, String where, String rowId, String text) {
    out.add(new Value(where, rowId, text.getBytes(StandardCharsets.UTF_8)));
    Matcher hex = HEX.matcher(text);
    while (hex.find()) {
      String run = hex.group();
      out.add(
          new Value(
              where + " (hex)",
              rowId,
              HexFormat.of().parseHex(run.substring(0, run.length() & ~1))));
    }
    Matcher b64 = BASE64.matcher(text);
    while (b64.find()) {
      String run = b64.group().replace('+', '-').replace('/', '_');
      run = run.substring(0, run.length() - (run.length() % 4 == 1 ? 1 : 0));
      try {
        out.add(new Value(where + " (base64)", rowId, Base64.getUrlDecoder().decode(run)));
      } catch (IllegalArgumentException e) {
        // not base64 after all
      }
    }
  }
}
