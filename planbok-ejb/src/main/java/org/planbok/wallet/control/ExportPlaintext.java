package org.planbok.wallet.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.planbok.keys.control.ExportedSecret;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.bitcoin.BitcoinNetwork;
import org.planbok.wallet.chain.bitcoin.Wif;
import org.planbok.wallet.entity.Wallet;

/**
 * The JSON a device opens from an export, as UTF-8 bytes in an array this class owns and the caller
 * zeroes (a {@code String} could not be): {@code {"chain", "address", "format", "privateKey"}}, and
 * for ed25519 also {@code "publicKey"}.
 */
final class ExportPlaintext {
  private byte[] buffer = new byte[512];
  private int length;

  private ExportPlaintext() {}

  static byte[] of(Wallet wallet, ExportFormat format, ExportedSecret exported) {
    ExportPlaintext json = new ExportPlaintext();
    json.ascii("{\"chain\":\"")
        .ascii(Chains.name(wallet.chain()))
        .ascii("\",\"address\":\"")
        .ascii(wallet.address())
        .ascii("\",\"format\":\"")
        .ascii(format.label())
        .ascii("\",\"privateKey\":\"");
    char[] key = privateKey(wallet.chain(), format, exported.key());
    try {
      json.chars(key);
    } finally {
      Arrays.fill(key, '\0');
    }
    json.ascii("\"");
    if (exported.curve() == org.planbok.keys.entity.Curve.ED25519) {
      json.ascii(",\"publicKey\":\"").ascii(HexFormat.of().formatHex(exported.childPublicKey()));
      json.ascii("\"");
    }
    json.ascii("}");
    byte[] out = Arrays.copyOf(json.buffer, json.length);
    Arrays.fill(json.buffer, (byte) 0);
    return out;
  }

  private static char[] privateKey(Chain chain, ExportFormat format, byte[] key) {
    return switch (format) {
      case HEX -> hex("0x", key);
      case WIF ->
          Wif.encode(key, chain == Chain.BITCOIN ? BitcoinNetwork.MAINNET : BitcoinNetwork.TESTNET);
      case ED25519_EXPANDED -> hex("", key);
      case ED25519_SCALAR -> hex("", Arrays.copyOf(key, 32));
    };
  }

  private static char[] hex(String prefix, byte[] bytes) {
    char[] out = new char[prefix.length() + bytes.length * 2];
    prefix.getChars(0, prefix.length(), out, 0);
    for (int i = 0; i < bytes.length; i++) {
      out[prefix.length() + 2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
      out[prefix.length() + 2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
    }
    return out;
  }

  private ExportPlaintext ascii(String s) {
    return bytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  private ExportPlaintext chars(char[] chars) {
    ensure(chars.length);
    for (char c : chars) {
      buffer[length++] = (byte) c;
    }
    return this;
  }

  private ExportPlaintext bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buffer, length, b.length);
    length += b.length;
    return this;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      byte[] bigger = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      Arrays.fill(buffer, (byte) 0);
      buffer = bigger;
    }
  }
}
