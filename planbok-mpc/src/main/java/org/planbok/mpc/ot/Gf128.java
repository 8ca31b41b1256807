package org.planbok.mpc.ot;

/**
 * Arithmetic in GF(2^128) = GF(2)[x] / (x^128 + x^7 + x^2 + x + 1), the field of the KOS
 * consistency check. An element is two longs {@code (lo, hi)}: bit k of {@code lo} is the
 * coefficient of x^k, bit k of {@code hi} that of x^(64+k). This is the plain polynomial order, not
 * GCM's bit-reflected one, so GHASH test vectors do not apply.
 *
 * <p>Products are accumulated unreduced in four longs and reduced once per sum, because reduction
 * is linear: {@code Σ reduce(a_b·c_b) = reduce(Σ a_b·c_b)}. The multiply has no branch on its
 * operands, which are secret columns of the extension matrix.
 */
final class Gf128 {
  private Gf128() {}

  /**
   * Adds the 256-bit carry-less product {@code (aLo, aHi)·(bLo, bHi)} into {@code acc[0..3]}, least
   * significant word first (schoolbook: four 64×64 products).
   */
  static void multiplyAdd(long aLo, long aHi, long bLo, long bHi, long[] acc) {
    long[] p = new long[2];
    clmul(aLo, bLo, p);
    acc[0] ^= p[0];
    acc[1] ^= p[1];
    clmul(aHi, bHi, p);
    acc[2] ^= p[0];
    acc[3] ^= p[1];
    clmul(aLo, bHi, p);
    acc[1] ^= p[0];
    acc[2] ^= p[1];
    clmul(aHi, bLo, p);
    acc[1] ^= p[0];
    acc[2] ^= p[1];
  }

  /**
   * Reduces a 256-bit polynomial {@code acc[0..3]} modulo x^128 + x^7 + x^2 + x + 1 into {@code
   * out[0..1]}. The high half H is folded down with x^128 ≡ x^7 + x^2 + x + 1; the at most seven
   * bits that H·(x^7 + x^2 + x + 1) carries past x^127 are folded once more, and that product fits
   * in fourteen bits.
   */
  static void reduce(long[] acc, long[] out) {
    long h0 = acc[2];
    long h1 = acc[3];
    long overflow = (h1 >>> 63) ^ (h1 >>> 62) ^ (h1 >>> 57);
    long lo = h0 ^ (h0 << 1) ^ (h0 << 2) ^ (h0 << 7);
    long hi =
        h1 ^ ((h1 << 1) | (h0 >>> 63)) ^ ((h1 << 2) | (h0 >>> 62)) ^ ((h1 << 7) | (h0 >>> 57));
    lo ^= overflow ^ (overflow << 1) ^ (overflow << 2) ^ (overflow << 7);
    out[0] = acc[0] ^ lo;
    out[1] = acc[1] ^ hi;
  }

  /** {@code a·b} in the field, as a new {@code (lo, hi)} pair. */
  static long[] multiply(long aLo, long aHi, long bLo, long bHi) {
    long[] acc = new long[4];
    multiplyAdd(aLo, aHi, bLo, bHi, acc);
    long[] out = new long[2];
    reduce(acc, out);
    return out;
  }

  /** The 128-bit carry-less product of two 64-bit polynomials into {@code out = (lo, hi)}. */
  static void clmul(long a, long b, long[] out) {
    long lo = a & -(b & 1L);
    long hi = 0;
    for (int k = 1; k < 64; k++) {
      long mask = -((b >>> k) & 1L);
      lo ^= (a << k) & mask;
      hi ^= (a >>> (64 - k)) & mask;
    }
    out[0] = lo;
    out[1] = hi;
  }
}
