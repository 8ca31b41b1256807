package org.planbok.kit;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The seed of an ed25519 key made by the joint seed key generation (issue 13): {@code s = s1 ⊕ s2},
 * Node 1 holding s1 and Node 2 holding s2, and the key RFC 8032's {@code a = clamp(SHA-512(s)
 * [0..32])} (§5.1.5). Phantom, the Solana CLI and MyNearWallet import s, not a. An export at the
 * key's root carries s masked in two parts by one fresh μ, {@code seedPart1 = s1 ⊕ μ} from Node 1
 * and {@code seedPart2 = s2 ⊕ μ} from Node 2, so neither part alone says anything of s, and the
 * device joins them: {@code s = seedPart1 ⊕ seedPart2}.
 *
 * <p>The device trusts the seed only if it makes the key it has already checked against the
 * wallet's public key and address: {@code clamp(SHA-512(s)[0..32]) mod ℓ = x}. A key generation in
 * which a node fed the circuit one value and its public share another makes a sound two-party key
 * whose seed does not make it; such a seed is refused, never shown.
 */
final class Ed25519Seed {
  static final int LENGTH = 32;

  private Ed25519Seed() {}

  /**
   * The seed {@code part1 ⊕ part2}, checked to make the scalar x (0 < x < ℓ, already checked to be
   * the wallet's key); the caller zeroes the seed and the parts.
   *
   * @throws IllegalArgumentException if the parts are not 32 bytes or the seed does not make x
   */
  static byte[] join(byte[] part1, byte[] part2, BigInteger x) {
    if (part1.length != LENGTH || part2.length != LENGTH) {
      throw new IllegalArgumentException("a seed part is not 32 bytes");
    }
    byte[] seed = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      seed[i] = (byte) (part1[i] ^ part2[i]);
    }
    byte[] made = KeyForms.littleEndian32(scalar(seed));
    byte[] expected = KeyForms.littleEndian32(x);
    boolean same = MessageDigest.isEqual(made, expected);
    Arrays.fill(made, (byte) 0);
    Arrays.fill(expected, (byte) 0);
    if (!same) {
      Arrays.fill(seed, (byte) 0);
      throw new IllegalArgumentException("the seed does not make the wallet's key");
    }
    return seed;
  }

  /**
   * RFC 8032 §5.1.5 steps 1 and 2: the first 32 bytes of SHA-512(seed), clamped (the three lowest
   * bits of the first byte cleared, the highest bit of the last byte cleared and its second highest
   * set), read little-endian, here reduced mod ℓ (the same point, and the form the parts add up
   * to).
   */
  static BigInteger scalar(byte[] seed) {
    SHA512Digest sha512 = new SHA512Digest();
    sha512.update(seed, 0, seed.length);
    byte[] h = new byte[64];
    sha512.doFinal(h, 0);
    h[0] &= (byte) 0xf8;
    h[31] &= 0x7f;
    h[31] |= 0x40;
    byte[] bigEndian = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      bigEndian[i] = h[31 - i];
    }
    try {
      return new BigInteger(1, bigEndian).mod(Ed25519Base.L);
    } finally {
      Arrays.fill(h, (byte) 0);
      Arrays.fill(bigEndian, (byte) 0);
    }
  }
}
