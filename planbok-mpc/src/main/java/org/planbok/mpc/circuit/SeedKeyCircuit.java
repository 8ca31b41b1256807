package org.planbok.mpc.circuit;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.planbok.mpc.group.Ed25519;

/**
 * The function two parties evaluate jointly to derive an Ed25519 secret scalar from a seed that
 * neither holds (issue 13): each inputs a share of the seed, {@code s = s1 ⊕ s2}, and a mask, and
 * the circuit outputs {@code d = (a − r1 − r2) mod ℓ}, where {@code a} is the secret scalar RFC
 * 8032 §5.1.5 derives from {@code s}: the first 32 bytes of SHA-512(s), clamped, read
 * little-endian. While one mask is uniform and kept by its party, {@code d} is uniform and tells
 * the other nothing about {@code a}; {@code r1} and {@code r2 + d} are additive shares of it.
 *
 * <p>Inputs, {@link #PARTY_INPUT_BITS} bits a party, as {@link #partyInput} writes them: the
 * party's seed share (32 bytes, {@link #SEED_BITS} bits in {@link Circuit}'s byte order), then its
 * mask as a {@link #SCALAR_BITS}-bit little-endian integer, which should be below ℓ.
 *
 * <p>Outputs, {@link #OUTPUT_BITS} bits: {@code d} as a {@link #SCALAR_BITS}-bit little-endian
 * integer (bits 0 … 252), then, last (bit {@link #IN_RANGE_OUTPUT}), {@code inRange} = (r1 &lt; ℓ)
 * ∧ (r2 &lt; ℓ). When {@code inRange} is 0 a mask was out of range and {@code d} is meaningless;
 * the caller must refuse the result.
 *
 * <p>Cost: 57,336 AND gates (54,315 of them SHA-512's), 294,095 gates in all. The clamped {@code a}
 * is below 2^255 &lt; 8ℓ, so three conditional subtractions (of 4ℓ, 2ℓ, ℓ) reduce it; each mask is
 * subtracted with ℓ added back on borrow, where ℓ's constant bits fold the borrow's AND away.
 */
public final class SeedKeyCircuit {
  /** A seed share: 32 bytes (RFC 8032 §5.1.5). */
  public static final int SEED_BITS = 256;

  /** A scalar below ℓ &lt; 2^253, little-endian. */
  public static final int SCALAR_BITS = 253;

  /** Each party's input: its seed share, then its mask. */
  public static final int PARTY_INPUT_BITS = SEED_BITS + SCALAR_BITS;

  /** The output: {@code d}, then {@code inRange}. */
  public static final int OUTPUT_BITS = SCALAR_BITS + 1;

  /** The index of the output bit {@code inRange}. */
  public static final int IN_RANGE_OUTPUT = SCALAR_BITS;

  private static final BigInteger L = Ed25519.L;

  private SeedKeyCircuit() {}

  /** The circuit, built once on first use; {@link Circuit} is immutable, so it is shared. */
  public static Circuit circuit() {
    return Built.CIRCUIT;
  }

  private static final class Built {
    static final Circuit CIRCUIT = build();
  }

  static Circuit build() {
    CircuitBuilder b = new CircuitBuilder();
    Word s1 = b.firstInput(SEED_BITS);
    Word r1 = b.firstInput(SCALAR_BITS);
    Word s2 = b.secondInput(SEED_BITS);
    Word r2 = b.secondInput(SCALAR_BITS);
    Word h = Sha512Circuit.digest(b, b.xor(s1, s2)).slice(0, SEED_BITS);
    // RFC 8032 §5.1.5 step 2: clear bits 0, 1, 2 and 255, set bit 254.
    Word a =
        h.withBit(0, CircuitBuilder.ZERO)
            .withBit(1, CircuitBuilder.ZERO)
            .withBit(2, CircuitBuilder.ZERO)
            .withBit(254, CircuitBuilder.ONE)
            .slice(0, 255);
    Word d = subtractModL(b, subtractModL(b, reduce(b, a), r1), r2);
    Word ell = Word.constant(L, SCALAR_BITS);
    int inRange = b.and(b.lessThan(r1, ell), b.lessThan(r2, ell));
    return b.build(d.concat(Word.of(inRange)));
  }

  /**
   * a mod ℓ as {@value #SCALAR_BITS} bits, for a 255-bit {@code a}: below 2^255 &lt; 8ℓ, so three
   * conditional subtractions suffice.
   */
  static Word reduce(CircuitBuilder b, Word a) {
    Word belowFourL = subtractUnlessBelow(b, a, L.shiftLeft(2));
    Word belowTwoL = subtractUnlessBelow(b, belowFourL, L.shiftLeft(1)).slice(0, 254);
    return subtractUnlessBelow(b, belowTwoL, L).slice(0, SCALAR_BITS);
  }

  /** x − m if x ≥ m, else x; for x &lt; 2m the result is below m. */
  private static Word subtractUnlessBelow(CircuitBuilder b, Word x, BigInteger m) {
    CircuitBuilder.Difference diff = b.subtract(x, Word.constant(m, x.size()));
    return b.choose(diff.borrow(), x, diff.value());
  }

  /** (x − r) mod ℓ for x, r &lt; ℓ: the difference, plus ℓ if it borrowed, modulo 2^253. */
  private static Word subtractModL(CircuitBuilder b, Word x, Word r) {
    CircuitBuilder.Difference diff = b.subtract(x, r);
    return b.add(diff.value(), b.mask(diff.borrow(), Word.constant(L, SCALAR_BITS)));
  }

  /**
   * A party's input bits: its 32-byte seed share, then its mask as {@link #SCALAR_BITS}
   * little-endian bits. A mask must be in [0, 2^253); one in [ℓ, 2^253) is encoded, so that the
   * circuit's {@code inRange} output can be tested, and makes the result unusable. The array holds
   * secrets: the caller clears it once the circuit has taken it.
   */
  public static boolean[] partyInput(byte[] seedShare, BigInteger mask) {
    if (seedShare.length != SEED_BITS / 8) {
      throw new IllegalArgumentException("a seed share is 32 bytes");
    }
    if (mask.signum() < 0 || mask.bitLength() > SCALAR_BITS) {
      throw new IllegalArgumentException("mask does not fit 253 bits");
    }
    boolean[] in = Arrays.copyOf(Circuit.bits(seedShare), PARTY_INPUT_BITS);
    for (int k = 0; k < SCALAR_BITS; k++) {
      in[SEED_BITS + k] = mask.testBit(k);
    }
    return in;
  }

  /** {@code d}, read from the circuit's outputs. */
  public static BigInteger scalar(boolean[] outputs) {
    requireOutputs(outputs);
    BigInteger d = BigInteger.ZERO;
    for (int k = 0; k < SCALAR_BITS; k++) {
      if (outputs[k]) {
        d = d.setBit(k);
      }
    }
    return d;
  }

  /** Whether both masks were below ℓ, read from the circuit's last output. */
  public static boolean inRange(boolean[] outputs) {
    requireOutputs(outputs);
    return outputs[IN_RANGE_OUTPUT];
  }

  private static void requireOutputs(boolean[] outputs) {
    if (outputs.length != OUTPUT_BITS) {
      throw new IllegalArgumentException("expected " + OUTPUT_BITS + " output bits");
    }
  }

  /**
   * What the circuit computes, in the clear, with the JDK's SHA-512 and {@link BigInteger}: {@code
   * (clamp(SHA-512(s1 ⊕ s2)[0..32]) − r1 − r2) mod ℓ} (RFC 8032 §5.1.5). For tests and for a
   * party's own checks; it holds the whole seed, so never run it on a real one.
   */
  public static BigInteger reference(byte[] s1, BigInteger r1, byte[] s2, BigInteger r2) {
    if (s1.length != SEED_BITS / 8 || s2.length != SEED_BITS / 8) {
      throw new IllegalArgumentException("a seed share is 32 bytes");
    }
    byte[] seed = new byte[SEED_BITS / 8];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (s1[i] ^ s2[i]);
    }
    byte[] h = sha512(seed);
    byte[] lower = Arrays.copyOf(h, 32);
    lower[0] &= (byte) 248;
    lower[31] &= 127;
    lower[31] |= 64;
    BigInteger a = Ed25519.reduce(lower);
    Arrays.fill(seed, (byte) 0);
    Arrays.fill(h, (byte) 0);
    Arrays.fill(lower, (byte) 0);
    return a.subtract(r1).subtract(r2).mod(L);
  }

  private static byte[] sha512(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-512", e);
    }
  }
}
