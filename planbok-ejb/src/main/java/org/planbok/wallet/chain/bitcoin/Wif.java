package org.planbok.wallet.chain.bitcoin;

import java.util.Arrays;
import org.planbok.wallet.chain.Hashes;

/**
 * Wallet Import Format for a compressed key (the form UniSat and Bitcoin Core import): Base58Check
 * of {@code version ‖ 32-byte key ‖ 0x01}. The secret stays in arrays that are zeroed here; the
 * caller zeroes the returned characters after sealing them.
 */
public final class Wif {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

  private Wif() {}

  /** The WIF of the 32-byte big-endian private key. Does not keep or change {@code secret}. */
  public static char[] encode(byte[] secret, BitcoinNetwork network) {
    if (secret == null || secret.length != 32) {
      throw new IllegalArgumentException("a private key is 32 bytes");
    }
    byte[] data = new byte[38];
    data[0] = (byte) network.wifVersion();
    System.arraycopy(secret, 0, data, 1, 32);
    data[33] = 1;
    byte[] check = Hashes.doubleSha256(Arrays.copyOf(data, 34));
    System.arraycopy(check, 0, data, 34, 4);
    Arrays.fill(check, (byte) 0);
    try {
      return base58(data);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /**
   * Base58 by repeated division of the byte array in place, so that no BigInteger or String holds a
   * copy of the secret.
   */
  private static char[] base58(byte[] input) {
    byte[] number = input.clone();
    char[] digits = new char[number.length * 2];
    int out = digits.length;
    int start = 0;
    while (start < number.length && number[start] == 0) {
      start++;
    }
    int zeros = start;
    while (start < number.length) {
      int remainder = 0;
      for (int i = start; i < number.length; i++) {
        int value = (remainder << 8) | (number[i] & 0xff);
        number[i] = (byte) (value / 58);
        remainder = value % 58;
      }
      digits[--out] = ALPHABET[remainder];
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    for (int i = 0; i < zeros; i++) {
      digits[--out] = '1';
    }
    char[] result = Arrays.copyOfRange(digits, out, digits.length);
    Arrays.fill(digits, '\0');
    Arrays.fill(number, (byte) 0);
    return result;
  }
}
