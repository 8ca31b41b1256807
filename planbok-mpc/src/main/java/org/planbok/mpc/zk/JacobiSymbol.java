package org.planbok.mpc.zk;

import java.math.BigInteger;

/**
 * The Jacobi symbol (a/n) for odd positive n, by the binary algorithm with quadratic reciprocity
 * (Cohen, <i>A Course in Computational Algebraic Number Theory</i>, Algorithm 1.4.10). Public
 * information: the verifier of Π_mod uses it to check that {@code w} has symbol −1.
 */
final class JacobiSymbol {
  private static final BigInteger EIGHT = BigInteger.valueOf(8);

  private JacobiSymbol() {}

  static int of(BigInteger a, BigInteger n) {
    if (n.signum() <= 0 || !n.testBit(0)) {
      throw new IllegalArgumentException("Jacobi symbol needs an odd positive modulus");
    }
    BigInteger x = a.mod(n);
    BigInteger m = n;
    int result = 1;
    while (x.signum() != 0) {
      int twos = x.getLowestSetBit();
      x = x.shiftRight(twos);
      int m8 = m.mod(EIGHT).intValue();
      if ((twos & 1) == 1 && (m8 == 3 || m8 == 5)) {
        result = -result;
      }
      // reciprocity: swap, flipping the sign when both are 3 mod 4
      if (x.testBit(1) && m.testBit(1)) {
        result = -result;
      }
      BigInteger t = m.mod(x);
      m = x;
      x = t;
    }
    return m.equals(BigInteger.ONE) ? result : 0;
  }
}
