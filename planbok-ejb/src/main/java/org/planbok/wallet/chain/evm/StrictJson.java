package org.planbok.wallet.chain.evm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * A strict RFC 8259 reader for typed-data documents (and signing policies): objects become {@link
 * Map}, arrays {@link List}, strings {@link String}, numbers {@link Number} (the literal kept
 * exact), {@code true} and {@code false} {@link Boolean}, {@code null} {@link #NULL}. Duplicate
 * keys are refused: a wallet that shows the first value while we sign the last is exactly the
 * confusion typed data exists to prevent. Depth and size are bounded.
 */
public final class StrictJson {
  /** JSON {@code null}. */
  public static final Object NULL = new Object();

  /** A JSON number, kept as its literal text so that no digit is lost. */
  public record Number(String literal) {}

  private static final int MAX_DEPTH = 32;

  private final String text;
  private final String field;
  private int pos;

  private StrictJson(String text, String field) {
    this.text = text;
    this.field = field;
  }

  public static Object parse(String text, String field) {
    StrictJson json = new StrictJson(text, field);
    json.space();
    Object value = json.value(0);
    json.space();
    if (json.pos != text.length()) {
      throw json.fail("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("JSON nested deeper than " + MAX_DEPTH);
    }
    char c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw fail("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    pos++;
    Map<String, Object> out = new LinkedHashMap<>();
    space();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(out);
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw fail("expected a member name");
      }
      String key = string();
      space();
      expect(':');
      space();
      Object v = value(depth + 1);
      if (out.put(key, v) != null) {
        throw fail("duplicate member \"" + key + "\"");
      }
      space();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return Collections.unmodifiableMap(out);
    }
  }

  private List<Object> array(int depth) {
    pos++;
    List<Object> out = new ArrayList<>();
    space();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      space();
      out.add(value(depth + 1));
      space();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']');
      return Collections.unmodifiableList(out);
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw fail("invalid escape \\" + e);
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw fail("truncated \\u escape");
    }
    String hex = text.substring(pos, pos + 4);
    if (!hex.matches("[0-9a-fA-F]{4}")) {
      throw fail("invalid \\u escape");
    }
    pos += 4;
    return (char) Integer.parseInt(hex, 16);
  }

  private Number number() {
    int start = pos;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")
            .matcher(text)
            .region(pos, text.length());
    if (!m.lookingAt()) {
      throw fail("malformed number");
    }
    pos = m.end();
    return new Number(text.substring(start, pos));
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw fail("unexpected literal");
    }
    pos += word.length();
    return value;
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw fail("unexpected end of JSON");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  private ChainFormatException fail(String message) {
    return new ChainFormatException(field, "malformed JSON at character " + pos + ": " + message);
  }
}
