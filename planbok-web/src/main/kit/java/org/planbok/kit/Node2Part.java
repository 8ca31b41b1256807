package org.planbok.kit;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Node 2's opened part of an export v2, bytes:
 *
 * <ul>
 *   <li>version 1: {@code 0x01 ‖ curve (1 secp256k1, 2 ed25519) ‖ m2} (34 bytes);
 *   <li>version 2, only for an ed25519 key made from a seed (issue 13) and exported at its root:
 *       {@code 0x02 ‖ 0x02 ‖ m2 ‖ seedPart} (66 bytes), seedPart = {@code s2 ⊕ μ} ({@link
 *       Ed25519Seed}).
 * </ul>
 *
 * m2 = xA + ρ mod n, 32 bytes big-endian.
 */
final class Node2Part {
  private static final int V1_LENGTH = 34;
  private static final int V2_LENGTH = 66;

  final BigInteger m2;

  /** Node 2's seed part s2 ⊕ μ (32 bytes), or null; whoever opens the export zeroes it. */
  final byte[] seedPart;

  private Node2Part(BigInteger m2, byte[] seedPart) {
    this.m2 = m2;
    this.seedPart = seedPart;
  }

  /** Node 2's part of a key on {@code curve}; the caller zeroes {@code plain}. */
  static Node2Part parse(byte[] plain, String curve) {
    boolean secp256k1 = curve.equals("secp256k1");
    int curveByte = secp256k1 ? 1 : 2;
    boolean v1 = plain.length == V1_LENGTH && plain[0] == 0x01 && plain[1] == curveByte;
    boolean v2 = !secp256k1 && plain.length == V2_LENGTH && plain[0] == 0x02 && plain[1] == 0x02;
    if (!v1 && !v2) {
      throw new IllegalArgumentException(
          secp256k1
              ? "Node 2's part is not version 1 of a secp256k1 share (0x01 ‖ curve ‖ 32 bytes)"
              : "Node 2's part is not version 1 or 2 of an ed25519 share (0x01 ‖ curve ‖ 32 bytes,"
                  + " or 0x02 ‖ curve ‖ 32 bytes ‖ 32-byte seed part)");
    }
    byte[] m2Bytes = Arrays.copyOfRange(plain, 2, 34);
    BigInteger m2 = new BigInteger(1, m2Bytes);
    Arrays.fill(m2Bytes, (byte) 0);
    return new Node2Part(m2, v2 ? Arrays.copyOfRange(plain, 34, V2_LENGTH) : null);
  }
}
