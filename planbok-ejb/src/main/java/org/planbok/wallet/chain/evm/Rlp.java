package org.planbok.wallet.chain.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * Strict RLP (Ethereum Yellow Paper, appendix B). The decoder accepts only the one canonical
 * encoding of each value: a single byte below 0x80 is never wrapped, a long length is never used
 * for a payload of 55 bytes or fewer, length prefixes have no leading zero, items fill their list
 * exactly and nothing follows the top item. Without this, two different byte strings would decode
 * to the same transaction, and the bytes a client shows would not be the bytes we sign.
 */
public final class Rlp {
  private static final int MAX_DEPTH = 16;

  private final byte[] in;
  private final String field;
  private int pos;

  private Rlp(byte[] in, String field) {
    this.in = in;
    this.field = field;
  }

  /** Decodes exactly one item filling {@code data}; {@code field} names the payload in errors. */
  public static RlpItem decode(byte[] data, String field) {
    Rlp r = new Rlp(data, field);
    RlpItem item = r.item(0);
    if (r.pos != data.length) {
      throw new ChainFormatException(
          field, "trailing bytes after the RLP item (" + (data.length - r.pos) + ")");
    }
    return item;
  }

  private RlpItem item(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("RLP nesting deeper than " + MAX_DEPTH);
    }
    int prefix = next();
    if (prefix < 0x80) {
      return new RlpItem.Bytes(new byte[] {(byte) prefix});
    }
    if (prefix < 0xc0) {
      int length = length(prefix, 0x80);
      byte[] value = take(length);
      if (length == 1 && (value[0] & 0xff) < 0x80) {
        throw fail("non-canonical RLP: a single byte below 0x80 must encode itself");
      }
      return new RlpItem.Bytes(value);
    }
    int length = length(prefix, 0xc0);
    int end = pos + length;
    List<RlpItem> items = new ArrayList<>();
    while (pos < end) {
      items.add(item(depth + 1));
    }
    if (pos != end) {
      throw fail("RLP list items overrun the list length");
    }
    return new RlpItem.Items(items);
  }

  /** The payload length after a prefix whose short form starts at {@code base}. */
  private int length(int prefix, int base) {
    int offset = prefix - base;
    if (offset <= 55) {
      return checkAvailable(offset);
    }
    int lengthOfLength = offset - 55;
    if (lengthOfLength > 4) {
      throw fail("RLP length does not fit the size limit");
    }
    byte[] bytes = take(lengthOfLength);
    if (bytes[0] == 0) {
      throw fail("non-canonical RLP: length with a leading zero byte");
    }
    long length = new BigInteger(1, bytes).longValueExact();
    if (length <= 55) {
      throw fail("non-canonical RLP: long length form for " + length + " bytes");
    }
    if (length > Integer.MAX_VALUE) {
      throw fail("RLP length does not fit the size limit");
    }
    return checkAvailable((int) length);
  }

  private int checkAvailable(int length) {
    if (length > in.length - pos) {
      throw fail("RLP length " + length + " runs past the end of the input");
    }
    return length;
  }

  private int next() {
    if (pos >= in.length) {
      throw fail("RLP input ends early");
    }
    return in[pos++] & 0xff;
  }

  private byte[] take(int n) {
    checkAvailable(n);
    byte[] out = new byte[n];
    System.arraycopy(in, pos, out, 0, n);
    pos += n;
    return out;
  }

  private ChainFormatException fail(String message) {
    return new ChainFormatException(field, message + " (at byte " + pos + ")");
  }

  // Encoding.

  /** Encodes a byte string. */
  public static byte[] encode(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return value.clone();
    }
    return withPrefix(0x80, value);
  }

  /** Encodes an unsigned integer without leading zeros (zero is the empty string). */
  public static byte[] encode(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned");
    }
    byte[] b = value.toByteArray();
    int skip = 0;
    while (skip < b.length && b[skip] == 0) {
      skip++;
    }
    byte[] trimmed = new byte[b.length - skip];
    System.arraycopy(b, skip, trimmed, 0, trimmed.length);
    return encode(trimmed);
  }

  /** Encodes a list of already encoded items. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    encodedItems.forEach(payload::writeBytes);
    return withPrefix(0xc0, payload.toByteArray());
  }

  /** Re-encodes a decoded item; for a canonically decoded item this gives back the same bytes. */
  public static byte[] encode(RlpItem item) {
    if (item instanceof RlpItem.Bytes b) {
      return encode(b.value());
    }
    List<byte[]> parts = new ArrayList<>();
    for (RlpItem child : ((RlpItem.Items) item).items()) {
      parts.add(encode(child));
    }
    return encodeList(parts);
  }

  private static byte[] withPrefix(int base, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (payload.length <= 55) {
      out.write(base + payload.length);
    } else {
      byte[] len = BigInteger.valueOf(payload.length).toByteArray();
      int skip = len[0] == 0 ? 1 : 0;
      out.write(base + 55 + len.length - skip);
      out.write(len, skip, len.length - skip);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
