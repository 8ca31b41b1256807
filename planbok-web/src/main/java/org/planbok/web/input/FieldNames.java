package org.planbok.web.input;

/**
 * A field name from the client, made safe to echo in a problem: printable ASCII only (others become
 * '?') and at most 64 characters.
 */
public final class FieldNames {
  private static final int MAX = 64;

  private FieldNames() {}

  public static String printable(String name) {
    StringBuilder out = new StringBuilder(Math.min(name.length(), MAX + 1));
    for (int i = 0; i < name.length() && out.length() < MAX; i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (name.length() > MAX) {
      out.append('…');
    }
    return out.length() == 0 ? "(empty)" : out.toString();
  }
}
