package org.planbok.kit;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Base58 with Bitcoin's alphabet, written again for the tests over BigInteger (the kit divides byte
 * arrays), so that the kit's forms are read back by code that is not the kit's: every leading '1'
 * is a zero byte, the rest a big-endian number in base 58.
 */
final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger RADIX = BigInteger.valueOf(58);

  private Base58() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (BigInteger n = new BigInteger(1, bytes); n.signum() > 0; n = n.divide(RADIX)) {
      out.append(ALPHABET.charAt(n.mod(RADIX).intValue()));
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  static byte[] decode(String text) {
    BigInteger n = BigInteger.ZERO;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (char c : text.substring(zeros).toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new IllegalArgumentException("not Base58: " + c);
      }
      n = n.multiply(RADIX).add(BigInteger.valueOf(digit));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[zeros]);
    if (n.signum() > 0) {
      byte[] magnitude = n.toByteArray();
      int skip = magnitude[0] == 0 ? 1 : 0;
      out.write(magnitude, skip, magnitude.length - skip);
    }
    return out.toByteArray();
  }
}
