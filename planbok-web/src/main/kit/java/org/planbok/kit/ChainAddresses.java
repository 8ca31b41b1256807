package org.planbok.kit;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The addresses a public key has on each chain Planbok serves, written here from the chains'
 * specifications so that the device checks an opened key against the wallet's address without
 * trusting either node: Ethereum EIP-55, Bitcoin P2WPKH (BIP 173 bech32, witness v0) and P2PKH
 * (Base58Check), Tron (Base58Check of 0x41 ‖ the Ethereum address), Solana (Base58 of the key) and
 * NEAR implicit accounts (hex of the key).
 */
final class ChainAddresses {
  static final List<String> CHAINS =
      List.of("ethereum", "bitcoin", "bitcoin-testnet", "tron", "solana", "near");
  static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private ChainAddresses() {}

  /** The curve of a chain's keys, or an exception for a chain the kit does not know. */
  static String curveOf(String chain) {
    return switch (chain) {
      case "ethereum", "bitcoin", "bitcoin-testnet", "tron" -> "secp256k1";
      case "solana", "near" -> "ed25519";
      default -> throw new IllegalArgumentException("unknown chain " + chain);
    };
  }

  /**
   * The addresses of a public key (33-byte compressed secp256k1, or 32-byte ed25519) on a chain:
   * one, or for Bitcoin the P2WPKH and the P2PKH one.
   */
  static List<String> of(String chain, byte[] publicKey) {
    return switch (chain) {
      case "ethereum" -> List.of(eip55(ethereumBytes(publicKey)));
      case "tron" -> List.of(base58Check(concat(new byte[] {0x41}, ethereumBytes(publicKey))));
      case "bitcoin" ->
          List.of(
              bech32("bc", hash160(publicKey)),
              base58Check(concat(new byte[] {0x00}, hash160(publicKey))));
      case "bitcoin-testnet" ->
          List.of(
              bech32("tb", hash160(publicKey)),
              base58Check(concat(new byte[] {0x6f}, hash160(publicKey))));
      case "solana" -> List.of(base58(publicKey));
      case "near" -> List.of(KeyForms.hex(publicKey));
      default -> throw new IllegalArgumentException("unknown chain " + chain);
    };
  }

  // The last 20 bytes of Keccak-256 of the uncompressed point without its 0x04 (Yellow Paper)
  private static byte[] ethereumBytes(byte[] compressed) {
    ECPoint q = CustomNamedCurves.getByName("secp256k1").getCurve().decodePoint(compressed);
    byte[] uncompressed = q.getEncoded(false);
    byte[] hash = digest(new KeccakDigest(256), Arrays.copyOfRange(uncompressed, 1, 65));
    return Arrays.copyOfRange(hash, 12, 32);
  }

  // EIP-55: a hex letter is upper case where the Keccak-256 of the lower-case hex has a nibble ≥ 8
  private static String eip55(byte[] address) {
    String lower = KeyForms.hex(address);
    byte[] hash = digest(new KeccakDigest(256), lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      char c = lower.charAt(i);
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private static byte[] hash160(byte[] publicKey) {
    return digest(new RIPEMD160Digest(), digest(new SHA256Digest(), publicKey));
  }

  /** Base58 of the payload and the first 4 bytes of its double SHA-256 (Bitcoin's Base58Check). */
  static String base58Check(byte[] payload) {
    byte[] check = digest(new SHA256Digest(), digest(new SHA256Digest(), payload));
    byte[] all = concat(payload, Arrays.copyOf(check, 4));
    try {
      return base58(all);
    } finally {
      Arrays.fill(all, (byte) 0);
    }
  }

  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    BigInteger radix = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(radix);
      out.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  // BIP 173: hrp "1" data, data = witness version 0 then the program in 5-bit groups, checksum
  private static String bech32(String hrp, byte[] program) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(0);
    int acc = 0;
    int bits = 0;
    for (byte b : program) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        data.write((acc >> bits) & 31);
      }
    }
    if (bits > 0) {
      data.write((acc << (5 - bits)) & 31);
    }
    byte[] values = data.toByteArray();
    ByteArrayOutputStream expanded = new ByteArrayOutputStream();
    for (char c : hrp.toCharArray()) {
      expanded.write(c >> 5);
    }
    expanded.write(0);
    for (char c : hrp.toCharArray()) {
      expanded.write(c & 31);
    }
    expanded.writeBytes(values);
    expanded.writeBytes(new byte[6]);
    int polymod = polymod(expanded.toByteArray()) ^ 1;
    StringBuilder out = new StringBuilder(hrp.toLowerCase(Locale.ROOT)).append('1');
    for (byte v : values) {
      out.append(BECH32.charAt(v));
    }
    for (int i = 0; i < 6; i++) {
      out.append(BECH32.charAt((polymod >> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  private static int polymod(byte[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (byte v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  private static byte[] digest(Digest digest, byte[] in) {
    digest.update(in, 0, in.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
