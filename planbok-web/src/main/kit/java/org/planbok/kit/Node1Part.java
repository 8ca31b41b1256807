package org.planbok.kit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Node 1's opened part of an export v2: flat UTF-8 JSON {@code {"chain", "address", "format",
 * "curve", "keyId", "path", "publicKey": hex, "part": hex(m1, 32 bytes big-endian)}}, every value a
 * string, and for an ed25519 key made from a seed (issue 13) exported at its root, {@code
 * "seedPart"}: 64 lower-case hex digits of {@code s1 ⊕ μ} ({@link Ed25519Seed}). Read here without
 * a JSON library, strictly (no other member, no duplicate, no escape in the hex), and with the
 * secrets {@code part} and {@code seedPart} decoded straight from the plaintext bytes, never into a
 * String.
 */
final class Node1Part {
  private static final Set<String> MEMBERS =
      Set.of("chain", "address", "format", "curve", "keyId", "path", "publicKey", "part");
  private static final String SEED_PART = "seedPart";

  final Map<String, String> fields;
  final BigInteger m1;

  /** Node 1's seed part s1 ⊕ μ (32 bytes), or null; whoever opens the export zeroes it. */
  final byte[] seedPart;

  private Node1Part(Map<String, String> fields, BigInteger m1, byte[] seedPart) {
    this.fields = fields;
    this.m1 = m1;
    this.seedPart = seedPart;
  }

  String get(String name) {
    return fields.get(name);
  }

  byte[] publicKey() {
    try {
      return HexFormat.of().parseHex(fields.get("publicKey"));
    } catch (IllegalArgumentException e) {
      throw malformed("publicKey is not hex");
    }
  }

  static Node1Part parse(byte[] json) {
    Reader r = new Reader(json);
    Map<String, String> fields = new HashMap<>();
    BigInteger m1 = null;
    byte[] seedPart = null;
    try {
      r.expect('{');
      do {
        String name = r.string();
        r.expect(':');
        if (!(MEMBERS.contains(name) || name.equals(SEED_PART))
            || fields.containsKey(name)
            || (name.equals("part") && m1 != null)
            || (name.equals(SEED_PART) && seedPart != null)) {
          throw malformed("unexpected or repeated member " + name);
        }
        if (name.equals("part")) {
          byte[] bytes = r.secretHex32("part", false);
          m1 = new BigInteger(1, bytes);
          Arrays.fill(bytes, (byte) 0);
        } else if (name.equals(SEED_PART)) {
          seedPart = r.secretHex32(SEED_PART, true);
        } else {
          fields.put(name, r.string());
        }
      } while (r.next(','));
      r.expect('}');
      r.end();
      if (m1 == null || fields.size() != MEMBERS.size() - 1) {
        throw malformed("a member is missing");
      }
    } catch (RuntimeException e) {
      if (seedPart != null) {
        Arrays.fill(seedPart, (byte) 0);
      }
      throw e;
    }
    return new Node1Part(Map.copyOf(fields), m1, seedPart);
  }

  static IllegalArgumentException malformed(String why) {
    return new IllegalArgumentException("Node 1's export part is malformed: " + why);
  }

  private static final class Reader {
    private final byte[] in;
    private int at;

    Reader(byte[] in) {
      this.in = in;
    }

    void skipSpace() {
      while (at < in.length
          && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
        at++;
      }
    }

    void expect(char c) {
      if (!next(c)) {
        throw malformed("expected '" + c + "' at " + at);
      }
    }

    boolean next(char c) {
      skipSpace();
      if (at < in.length && in[at] == c) {
        at++;
        return true;
      }
      return false;
    }

    void end() {
      skipSpace();
      if (at != in.length) {
        throw malformed("text after the object");
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      int start = at;
      while (at < in.length && in[at] != '"') {
        if (in[at] == '\\') {
          out.append(new String(in, start, at - start, StandardCharsets.UTF_8));
          out.append(escape());
          start = at;
        } else if ((in[at] & 0xff) < 0x20) {
          throw malformed("control character in a string");
        } else {
          at++;
        }
      }
      if (at >= in.length) {
        throw malformed("unterminated string");
      }
      out.append(new String(in, start, at - start, StandardCharsets.UTF_8));
      at++;
      return out.toString();
    }

    private char escape() {
      if (at + 1 >= in.length) {
        throw malformed("bad escape");
      }
      char c = (char) in[at + 1];
      at += 2;
      return switch (c) {
        case '"', '\\', '/' -> c;
        case 'b' -> '\b';
        case 'f' -> '\f';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        case 'u' -> {
          if (at + 4 > in.length) {
            throw malformed("bad escape");
          }
          char u = (char) Integer.parseInt(new String(in, at, 4, StandardCharsets.US_ASCII), 16);
          at += 4;
          yield u;
        }
        default -> throw malformed("bad escape");
      };
    }

    // 64 hex digits in quotes (lower case only if so asked) into 32 bytes the caller zeroes
    byte[] secretHex32(String name, boolean lowerCaseOnly) {
      expect('"');
      if (at + 65 > in.length || in[at + 64] != '"') {
        throw malformed(name + " is not 64 hex digits");
      }
      byte[] bytes = new byte[32];
      for (int i = 0; i < 32; i++) {
        int hi = hexDigit(in[at + 2 * i], lowerCaseOnly);
        int lo = hexDigit(in[at + 2 * i + 1], lowerCaseOnly);
        if (hi < 0 || lo < 0) {
          Arrays.fill(bytes, (byte) 0);
          throw malformed(
              name + " is not 64" + (lowerCaseOnly ? " lower-case" : "") + " hex digits");
        }
        bytes[i] = (byte) (hi << 4 | lo);
      }
      at += 65;
      return bytes;
    }

    private static int hexDigit(byte b, boolean lowerCaseOnly) {
      if (lowerCaseOnly && b >= 'A' && b <= 'F') {
        return -1;
      }
      return Character.digit(b, 16);
    }
  }
}
