package org.planbok.mpc.circuit;

import java.math.BigInteger;

/**
 * SHA-512's constants computed from their definitions rather than copied from a table, so a typo
 * cannot hide in eighty-eight hexadecimal words: the round constants of FIPS 180-4 §4.2.3 and the
 * initial hash value of §5.3.5. Roots of primes are irrational, so the integer root below is the
 * exact floor the standard means.
 */
final class Sha512Constants {
  /**
   * K_0 … K_79: the first 64 bits of the fractional parts of the cube roots of the first 80 primes.
   */
  static final long[] K = new long[80];

  /** H^(0)_0 … H^(0)_7: the same of the square roots of the first 8 primes. */
  static final long[] IV = new long[8];

  static {
    int found = 0;
    for (int p = 2; found < K.length; p++) {
      if (isPrime(p)) {
        BigInteger prime = BigInteger.valueOf(p);
        // ⌊∛p · 2^64⌋ = ⌊∛(p · 2^192)⌋; its low 64 bits are the fractional part's first 64 bits.
        K[found] = cubeRoot(prime.shiftLeft(192)).longValue();
        if (found < IV.length) {
          IV[found] = prime.shiftLeft(128).sqrt().longValue();
        }
        found++;
      }
    }
  }

  private Sha512Constants() {}

  /** Trial division: the 80th prime is 409. */
  static boolean isPrime(int n) {
    for (int d = 2; d * d <= n; d++) {
      if (n % d == 0) {
        return false;
      }
    }
    return n >= 2;
  }

  /** ⌊∛n⌋ for n &gt; 0, by Newton's iteration from above. */
  static BigInteger cubeRoot(BigInteger n) {
    BigInteger three = BigInteger.valueOf(3);
    BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / 3 + 1);
    while (true) {
      BigInteger next = x.shiftLeft(1).add(n.divide(x.multiply(x))).divide(three);
      if (next.compareTo(x) >= 0) {
        return x;
      }
      x = next;
    }
  }
}
