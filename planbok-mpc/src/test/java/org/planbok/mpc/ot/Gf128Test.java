package org.planbok.mpc.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** GF(2^128) against a slow reference: polynomials as BigIntegers, shift-and-add, then mod P. */
class Gf128Test {
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(128).or(BigInteger.valueOf(0x87)); // x^128 + x^7 + x^2 + x + 1
  private final SecureRandom random = new SecureRandom();

  @Test
  void multiplyMatchesTheReferenceOnRandomElements() {
    for (int k = 0; k < 2000; k++) {
      long aLo = random.nextLong();
      long aHi = random.nextLong();
      long bLo = random.nextLong();
      long bHi = random.nextLong();
      BigInteger expected = reference(poly(aLo, aHi), poly(bLo, bHi));
      assertArrayEquals(words(expected), Gf128.multiply(aLo, aHi, bLo, bHi));
    }
  }

  @Test
  void multiplyMatchesTheReferenceOnExtremeElements() {
    long[] edges = {0L, 1L, -1L, Long.MIN_VALUE, 0x87L, 1L << 57, 1L << 62, 1L << 63};
    for (long aLo : edges) {
      for (long aHi : edges) {
        for (long bLo : edges) {
          for (long bHi : edges) {
            BigInteger expected = reference(poly(aLo, aHi), poly(bLo, bHi));
            assertArrayEquals(words(expected), Gf128.multiply(aLo, aHi, bLo, bHi));
          }
        }
      }
    }
  }

  @Test
  void xToThe128IsTheReductionPolynomialsTail() {
    // x · x^127 = x^128 ≡ x^7 + x^2 + x + 1
    assertArrayEquals(new long[] {0x87L, 0L}, Gf128.multiply(2L, 0L, 0L, 1L << 63));
  }

  @Test
  void accumulatedProductsReduceToTheSumOfProducts() {
    long[] acc = new long[4];
    long[] expected = new long[2];
    for (int k = 0; k < 20; k++) {
      long[] a = {random.nextLong(), random.nextLong()};
      long[] b = {random.nextLong(), random.nextLong()};
      Gf128.multiplyAdd(a[0], a[1], b[0], b[1], acc);
      long[] p = Gf128.multiply(a[0], a[1], b[0], b[1]);
      expected[0] ^= p[0];
      expected[1] ^= p[1];
    }
    long[] out = new long[2];
    Gf128.reduce(acc, out);
    assertArrayEquals(expected, out);
  }

  private static BigInteger reference(BigInteger a, BigInteger b) {
    BigInteger product = BigInteger.ZERO;
    for (int k = 0; k < b.bitLength(); k++) {
      if (b.testBit(k)) {
        product = product.xor(a.shiftLeft(k));
      }
    }
    for (int k = product.bitLength() - 1; k >= 128; k--) {
      if (product.testBit(k)) {
        product = product.xor(P.shiftLeft(k - 128));
      }
    }
    return product;
  }

  private static BigInteger poly(long lo, long hi) {
    return unsigned(hi).shiftLeft(64).or(unsigned(lo));
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  private static long[] words(BigInteger v) {
    return new long[] {v.longValue(), v.shiftRight(64).longValue()};
  }
}
