package org.planbok.wallet.chain.solana;

import java.util.Arrays;
import org.planbok.wallet.chain.ChainFormatException;

/** Reads a Solana message; every error names {@code message} and the offset. */
final class MessageReader {
  private final byte[] in;
  private int pos;

  MessageReader(byte[] in) {
    this.in = in;
  }

  boolean atEnd() {
    return pos == in.length;
  }

  int u8(String what) {
    if (pos >= in.length) {
      throw fail(what + ": unexpected end of message");
    }
    return in[pos++] & 0xff;
  }

  byte[] bytes(int n, String what) {
    if (n > in.length - pos) {
      throw fail(what + ": unexpected end of message");
    }
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  int compactU16(String what) {
    int value = 0;
    for (int i = 0; i < 3; i++) {
      int b = u8(what);
      if (i > 0 && b == 0) {
        throw fail(what + ": non-canonical compact-u16");
      }
      value |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (value > 0xffff) {
          throw fail(what + ": compact-u16 above 65535");
        }
        return value;
      }
    }
    throw fail(what + ": compact-u16 longer than 3 bytes");
  }

  ChainFormatException fail(String message) {
    return new ChainFormatException("message", message + " (at byte " + pos + ")");
  }
}
