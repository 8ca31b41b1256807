package org.planbok.wallet.chain.near;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.planbok.wallet.chain.ChainFormatException;

/** Reads borsh (little-endian, u32 length prefixes); errors name {@code transaction.<what>}. */
final class BorshReader {
  private final byte[] in;
  private int pos;

  BorshReader(byte[] in) {
    this.in = in;
  }

  boolean atEnd() {
    return pos == in.length;
  }

  int u8(String what) {
    return bytes(1, what)[0] & 0xff;
  }

  long u32(String what) {
    byte[] b = bytes(4, what);
    return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
  }

  BigInteger unsigned(int size, String what) {
    byte[] le = bytes(size, what);
    byte[] be = new byte[size];
    for (int i = 0; i < size; i++) {
      be[i] = le[size - 1 - i];
    }
    return new BigInteger(1, be);
  }

  byte[] bytes(int n, String what) {
    if (n < 0 || n > in.length - pos) {
      throw fail(what, "unexpected end of transaction");
    }
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  /** {@code Vec<u8>}: u32 length and bytes. */
  byte[] vec(String what) {
    long length = u32(what);
    if (length > in.length - pos) {
      throw fail(what, "length runs past the end");
    }
    return bytes((int) length, what);
  }

  /** {@code String}: u32 length and UTF-8 bytes, malformed UTF-8 refused. */
  String string(String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(vec(what)))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(what, "not UTF-8");
    }
  }

  ChainFormatException fail(String what, String message) {
    return new ChainFormatException("transaction." + what, message + " (at byte " + pos + ")");
  }
}
