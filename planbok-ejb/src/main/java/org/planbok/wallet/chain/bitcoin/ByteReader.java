package org.planbok.wallet.chain.bitcoin;

import java.util.Arrays;
import org.planbok.wallet.chain.ChainFormatException;

/** Little-endian reads over Bitcoin serializations; every error names the field being read. */
final class ByteReader {
  private final byte[] in;
  private final String field;
  private int pos;

  ByteReader(byte[] in, String field) {
    this.in = in;
    this.field = field;
  }

  boolean atEnd() {
    return pos == in.length;
  }

  int position() {
    return pos;
  }

  int u8() {
    return bytes(1)[0] & 0xff;
  }

  long u32() {
    byte[] b = bytes(4);
    return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
  }

  long u64() {
    long lo = u32();
    long hi = u32();
    return lo | hi << 32;
  }

  /** CompactSize, refusing non-minimal encodings as Bitcoin Core does. */
  long compactSize() {
    int first = u8();
    long value;
    long min;
    if (first < 0xfd) {
      return first;
    } else if (first == 0xfd) {
      byte[] b = bytes(2);
      value = (b[0] & 0xff) | (b[1] & 0xff) << 8;
      min = 0xfd;
    } else if (first == 0xfe) {
      value = u32();
      min = 0x10000;
    } else {
      value = u64();
      min = 0x100000000L;
    }
    if (value < min && value >= 0) {
      throw fail("non-canonical CompactSize");
    }
    return value;
  }

  /** A CompactSize length checked against what is left, then that many bytes. */
  byte[] varBytes() {
    long length = compactSize();
    if (length < 0 || length > in.length - pos) {
      throw fail("length " + Long.toUnsignedString(length) + " runs past the end");
    }
    return bytes((int) length);
  }

  byte[] bytes(int n) {
    if (n > in.length - pos) {
      throw fail("unexpected end of data");
    }
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  ChainFormatException fail(String message) {
    return new ChainFormatException(field, message + " (at byte " + pos + ")");
  }
}
