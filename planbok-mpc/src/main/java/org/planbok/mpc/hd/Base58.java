package org.planbok.mpc.hd;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet and Base58Check (payload ‖ first 4 bytes of SHA-256²). */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  public static String encodeChecked(byte[] payload) {
    byte[] check = Arrays.copyOf(doubleSha256(payload), 4);
    byte[] data = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(check, 0, data, payload.length, 4);
    return encode(data);
  }

  public static byte[] decodeChecked(String text) {
    byte[] data = decode(text);
    if (data.length < 4) {
      throw new IllegalArgumentException("Base58Check string too short");
    }
    byte[] payload = Arrays.copyOf(data, data.length - 4);
    byte[] check = Arrays.copyOf(doubleSha256(payload), 4);
    if (!MessageDigest.isEqual(check, Arrays.copyOfRange(data, data.length - 4, data.length))) {
      throw new IllegalArgumentException("Base58Check checksum mismatch");
    }
    return payload;
  }

  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder();
    BigInteger v = new BigInteger(1, data);
    while (v.signum() > 0) {
      BigInteger[] qr = v.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      v = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  public static byte[] decode(String text) {
    BigInteger v = BigInteger.ZERO;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("not a Base58 character at " + i);
      }
      v = v.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] body = v.signum() == 0 ? new byte[0] : v.toByteArray();
    if (body.length > 0 && body[0] == 0) {
      body = Arrays.copyOfRange(body, 1, body.length);
    }
    byte[] out = new byte[zeros + body.length];
    System.arraycopy(body, 0, out, zeros, body.length);
    return out;
  }

  private static byte[] doubleSha256(byte[] data) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return sha.digest(sha.digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}
