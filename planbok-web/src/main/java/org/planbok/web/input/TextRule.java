package org.planbok.web.input;

/**
 * No string the API accepts may hold control characters (C0, DEL, C1) or a lone UTF-16 surrogate
 * (which JSON's {@code \\uD800} escape can smuggle in): they corrupt logs, terminals and emails and
 * are never part of a name, label, reference or address.
 */
final class TextRule {
  private TextRule() {}

  static boolean isClean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
