package org.planbok.kit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The forms of an exported key, exactly as Planbok's export v1 wrote them (its {@code
 * ExportFormat}), so that the wallet apps that imported a v1 export import this one:
 *
 * <ul>
 *   <li>{@code hex}: secp256k1, {@code 0x} and 64 lower-case hex digits (MetaMask, Trust Wallet);
 *   <li>{@code wif}: secp256k1, Bitcoin's Wallet Import Format, compressed, 0x80 on bitcoin and
 *       0xef on bitcoin-testnet (UniSat, Bitcoin Core);
 *   <li>{@code ed25519-expanded}: {@code scalar (32 bytes little-endian) ‖ prefix} in hex, with
 *       {@code prefix = SHA-512("planbok/ed25519/export-prefix" ‖ scalar ‖ A)[0..32]} (A the public
 *       key), the RFC 8032 §5.1.6 expanded secret key that tools build field by field;
 *   <li>{@code ed25519-scalar}: the scalar alone, 32 bytes little-endian, in hex.
 * </ul>
 *
 * and the plaintext JSON v1 sealed: {@code {"chain","address","format","privateKey"}}, for ed25519
 * also {@code "publicKey"} (hex), as UTF-8 bytes in an array the caller zeroes.
 */
final class KeyForms {
  private static final byte[] PREFIX_LABEL =
      "planbok/ed25519/export-prefix".getBytes(StandardCharsets.US_ASCII);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private KeyForms() {}

  /** Whether {@code format} is a form of a key on {@code curve} for {@code chain}. */
  static boolean fits(String format, String curve, String chain) {
    return switch (format) {
      case "hex" -> curve.equals("secp256k1");
      case "wif" -> chain.equals("bitcoin") || chain.equals("bitcoin-testnet");
      case "ed25519-expanded", "ed25519-scalar" -> curve.equals("ed25519");
      default -> false;
    };
  }

  /** The export plaintext of v1 for the key x of the wallet (publicKey: the wallet's, encoded). */
  static byte[] json(String chain, String address, String format, BigInteger x, byte[] publicKey) {
    char[] key = privateKey(chain, format, x, publicKey);
    boolean ed25519 = format.startsWith("ed25519");
    StringBuilder head = new StringBuilder(96);
    head.append("{\"chain\":\"").append(chain).append("\",\"address\":\"").append(address);
    head.append("\",\"format\":\"").append(format).append("\",\"privateKey\":\"");
    String tail = ed25519 ? "\",\"publicKey\":\"" + hex(publicKey) + "\"}" : "\"}";
    byte[] out = new byte[head.length() + key.length + tail.length()];
    int at = ascii(head, out, 0);
    for (char c : key) {
      out[at++] = (byte) c;
    }
    Arrays.fill(key, '\0');
    ascii(tail, out, at);
    return out;
  }

  static char[] privateKey(String chain, String format, BigInteger x, byte[] publicKey) {
    return switch (format) {
      case "hex" -> hexChars("0x", bigEndian32(x));
      case "wif" -> wif(x, chain.equals("bitcoin") ? 0x80 : 0xef);
      case "ed25519-expanded" -> expanded(x, publicKey);
      case "ed25519-scalar" -> hexChars("", littleEndian32(x));
      default -> throw new IllegalArgumentException("unknown export format " + format);
    };
  }

  // Base58Check(version ‖ key ‖ 0x01): the 0x01 marks a compressed public key
  private static char[] wif(BigInteger x, int version) {
    byte[] payload = new byte[34];
    payload[0] = (byte) version;
    byte[] key = bigEndian32(x);
    System.arraycopy(key, 0, payload, 1, 32);
    payload[33] = 0x01;
    try {
      return ChainAddresses.base58Check(payload).toCharArray();
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(payload, (byte) 0);
    }
  }

  private static char[] expanded(BigInteger x, byte[] publicKey) {
    byte[] scalar = littleEndian32(x);
    SHA512Digest sha512 = new SHA512Digest();
    sha512.update(PREFIX_LABEL, 0, PREFIX_LABEL.length);
    sha512.update(scalar, 0, 32);
    sha512.update(publicKey, 0, publicKey.length);
    byte[] digest = new byte[64];
    sha512.doFinal(digest, 0);
    byte[] expanded = Arrays.copyOf(scalar, 64);
    System.arraycopy(digest, 0, expanded, 32, 32);
    try {
      return hexChars("", expanded);
    } finally {
      Arrays.fill(scalar, (byte) 0);
      Arrays.fill(digest, (byte) 0);
      Arrays.fill(expanded, (byte) 0);
    }
  }

  static byte[] bigEndian32(BigInteger x) {
    byte[] raw = x.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    Arrays.fill(raw, (byte) 0);
    return out;
  }

  static byte[] littleEndian32(BigInteger x) {
    byte[] out = bigEndian32(x);
    for (int i = 0; i < 16; i++) {
      byte t = out[i];
      out[i] = out[31 - i];
      out[31 - i] = t;
    }
    return out;
  }

  static String hex(byte[] bytes) {
    return new String(hexChars("", bytes));
  }

  private static char[] hexChars(String prefix, byte[] bytes) {
    char[] out = new char[prefix.length() + 2 * bytes.length];
    prefix.getChars(0, prefix.length(), out, 0);
    for (int i = 0, at = prefix.length(); i < bytes.length; i++) {
      out[at++] = HEX[(bytes[i] >> 4) & 0xf];
      out[at++] = HEX[bytes[i] & 0xf];
    }
    return out;
  }

  private static int ascii(CharSequence text, byte[] out, int at) {
    for (int i = 0; i < text.length(); i++) {
      out[at++] = (byte) text.charAt(i);
    }
    return at;
  }
}
