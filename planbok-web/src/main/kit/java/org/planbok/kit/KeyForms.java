package org.planbok.kit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
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
 *   <li>{@code ed25519-scalar}: the scalar alone, 32 bytes little-endian, in hex;
 * </ul>
 *
 * and the forms of an ed25519 key made from a seed ({@link Ed25519Seed}), which need the seed s:
 *
 * <ul>
 *   <li>{@code solana-keypair} (solana): Base58 (Bitcoin's alphabet) of the 64 bytes {@code s ‖ A},
 *       the secret key Phantom's "Import private key" takes;
 *   <li>{@code solana-keypair-json} (solana): the Solana CLI's keypair file, a JSON array of the
 *       same 64 bytes as decimal numbers without spaces, {@code [157,97,…]};
 *   <li>{@code near-keypair} (near): {@code "ed25519:"} and the Base58 of {@code s ‖ A}, as
 *       near-cli and MyNearWallet write a secret key;
 * </ul>
 *
 * and the plaintext JSON v1 sealed: {@code {"chain","address","format","privateKey"}}, for ed25519
 * also {@code "publicKey"} (hex), as UTF-8 bytes in an array the caller zeroes. Every form is
 * written into arrays that are zeroed, never into a String.
 */
final class KeyForms {
  private static final byte[] PREFIX_LABEL =
      "planbok/ed25519/export-prefix".getBytes(StandardCharsets.US_ASCII);
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String NEAR_PREFIX = "ed25519:";

  private KeyForms() {}

  /** Whether {@code format} is a form of a key on {@code curve} for {@code chain}. */
  static boolean fits(String format, String curve, String chain) {
    return switch (format) {
      case "hex" -> curve.equals("secp256k1");
      case "wif" -> chain.equals("bitcoin") || chain.equals("bitcoin-testnet");
      case "ed25519-expanded", "ed25519-scalar" -> curve.equals("ed25519");
      case "solana-keypair", "solana-keypair-json" -> chain.equals("solana");
      case "near-keypair" -> chain.equals("near");
      default -> false;
    };
  }

  /** Whether {@code format} writes the key's seed, which only a key made from a seed has. */
  static boolean needsSeed(String format) {
    return switch (format) {
      case "solana-keypair", "solana-keypair-json", "near-keypair" -> true;
      default -> false;
    };
  }

  /**
   * The export plaintext of v1 for the key x of the wallet (publicKey: the wallet's, encoded; seed:
   * the key's checked seed, or null when the export carries none).
   */
  static byte[] json(
      String chain, String address, String format, BigInteger x, byte[] publicKey, byte[] seed) {
    char[] key = privateKey(chain, format, x, publicKey, seed);
    boolean ed25519 = ChainAddresses.curveOf(chain).equals("ed25519");
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

  static char[] privateKey(
      String chain, String format, BigInteger x, byte[] publicKey, byte[] seed) {
    if (needsSeed(format) && seed == null) {
      throw new IllegalArgumentException(format + " needs the key's seed");
    }
    return switch (format) {
      case "hex" -> hexChars("0x", bigEndian32(x));
      case "wif" -> wif(x, chain.equals("bitcoin") ? 0x80 : 0xef);
      case "ed25519-expanded" -> expanded(x, publicKey);
      case "ed25519-scalar" -> hexChars("", littleEndian32(x));
      case "solana-keypair" -> keypair(seed, publicKey, "", KeyForms::base58);
      case "solana-keypair-json" -> keypair(seed, publicKey, "", KeyForms::decimalArray);
      case "near-keypair" -> keypair(seed, publicKey, NEAR_PREFIX, KeyForms::base58);
      default -> throw new IllegalArgumentException("unknown export format " + format);
    };
  }

  // prefix and the 64 bytes seed ‖ A written by form
  private static char[] keypair(
      byte[] seed, byte[] publicKey, String prefix, Function<byte[], char[]> form) {
    byte[] keypair = Arrays.copyOf(seed, seed.length + publicKey.length);
    System.arraycopy(publicKey, 0, keypair, seed.length, publicKey.length);
    char[] body = form.apply(keypair);
    char[] out = new char[prefix.length() + body.length];
    prefix.getChars(0, prefix.length(), out, 0);
    System.arraycopy(body, 0, out, prefix.length(), body.length);
    Arrays.fill(keypair, (byte) 0);
    Arrays.fill(body, '\0');
    return out;
  }

  // Base58, Bitcoin's alphabet: long division of a copy of the bytes by 58, so that no BigInteger
  // or String holds the key; each leading zero byte is a '1'
  private static char[] base58(byte[] bytes) {
    byte[] number = bytes.clone();
    char[] digits = new char[bytes.length * 138 / 100 + 1]; // log(256) / log(58) < 1.38
    int zeros = 0;
    while (zeros < number.length && number[zeros] == 0) {
      zeros++;
    }
    int out = digits.length;
    for (int start = zeros; start < number.length; ) {
      int remainder = 0;
      for (int i = start; i < number.length; i++) {
        int acc = remainder * 256 + (number[i] & 0xff);
        number[i] = (byte) (acc / 58);
        remainder = acc % 58;
      }
      digits[--out] = ChainAddresses.BASE58.charAt(remainder);
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    for (int i = 0; i < zeros; i++) {
      digits[--out] = '1';
    }
    char[] text = Arrays.copyOfRange(digits, out, digits.length);
    Arrays.fill(number, (byte) 0);
    Arrays.fill(digits, '\0');
    return text;
  }

  // [b0,b1,…] with each byte as an unsigned decimal number, no spaces (a Solana CLI keypair file)
  private static char[] decimalArray(byte[] bytes) {
    char[] buffer = new char[2 + 4 * bytes.length];
    int at = 0;
    buffer[at++] = '[';
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        buffer[at++] = ',';
      }
      int v = bytes[i] & 0xff;
      if (v >= 100) {
        buffer[at++] = (char) ('0' + v / 100);
      }
      if (v >= 10) {
        buffer[at++] = (char) ('0' + v / 10 % 10);
      }
      buffer[at++] = (char) ('0' + v % 10);
    }
    buffer[at++] = ']';
    char[] text = Arrays.copyOf(buffer, at);
    Arrays.fill(buffer, '\0');
    return text;
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
