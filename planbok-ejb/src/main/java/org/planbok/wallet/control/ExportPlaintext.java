package org.planbok.wallet.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.planbok.keys.control.ExportParts;
import org.planbok.wallet.entity.Wallet;

/**
 * The JSON a device opens from Node 1's part of an export (issue 12 item 5), as UTF-8 bytes in an
 * array this class owns and the caller zeroes (a {@code String} could not be): {@code {"chain",
 * "address", "format", "curve", "keyId", "path", "publicKey" (hex), "part" (hex, 32 bytes
 * big-endian)}}. The device adds {@code part} to Node 2's part, checks the sum against {@code
 * publicKey} and the address, and formats the key as {@code format} says. A seed key exported at
 * its root (issue 13) adds {@code "seedPart"} (hex, 32 bytes: {@code s1 ⊕ μ}), which the device
 * XORs with Node 2's seed part.
 */
final class ExportPlaintext {
  private byte[] buffer = new byte[512];
  private int length;

  private ExportPlaintext() {}

  static byte[] of(Wallet wallet, String path, ExportFormat format, ExportParts parts) {
    ExportPlaintext json = new ExportPlaintext();
    json.ascii("{\"chain\":\"")
        .ascii(Chains.name(wallet.chain()))
        .ascii("\",\"address\":\"")
        .ascii(wallet.address())
        .ascii("\",\"format\":\"")
        .ascii(format.label())
        .ascii("\",\"curve\":\"")
        .ascii(parts.curve().label())
        .ascii("\",\"keyId\":\"")
        .ascii(wallet.keyId().toString())
        .ascii("\",\"path\":\"")
        .ascii(path)
        .ascii("\",\"publicKey\":\"")
        .ascii(HexFormat.of().formatHex(parts.childPublicKey()))
        .ascii("\",\"part\":\"");
    char[] part = hex(parts.node1Part());
    try {
      json.chars(part);
    } finally {
      Arrays.fill(part, '\0');
    }
    if (parts.node1SeedPart() != null) {
      char[] seed = hex(parts.node1SeedPart());
      try {
        json.ascii("\",\"seedPart\":\"").chars(seed);
      } finally {
        Arrays.fill(seed, '\0');
      }
    }
    json.ascii("\"}");
    byte[] out = Arrays.copyOf(json.buffer, json.length);
    Arrays.fill(json.buffer, (byte) 0);
    return out;
  }

  private static char[] hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
      out[2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
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
