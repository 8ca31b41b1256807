package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JacobiSymbolTest {
  @Test
  void matchesHandComputedSymbols() {
    // (2/15) = (2/3)(2/5) = (−1)(−1) = 1; (7/15) = (1/3)(2/5) = −1; (5/15) = 0; (1001/9907) = −1
    assertEquals(1, JacobiSymbol.of(BigInteger.TWO, BigInteger.valueOf(15)));
    assertEquals(-1, JacobiSymbol.of(BigInteger.valueOf(7), BigInteger.valueOf(15)));
    assertEquals(0, JacobiSymbol.of(BigInteger.valueOf(5), BigInteger.valueOf(15)));
    assertEquals(-1, JacobiSymbol.of(BigInteger.valueOf(1001), BigInteger.valueOf(9907)));
  }

  @Test
  void agreesWithEulersCriterionModuloAPrime() {
    BigInteger p = BigInteger.valueOf(1_000_003);
    BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
    for (long a = 1; a < 200; a++) {
      BigInteger euler = BigInteger.valueOf(a).modPow(half, p);
      int expected = euler.equals(BigInteger.ONE) ? 1 : -1;
      assertEquals(expected, JacobiSymbol.of(BigInteger.valueOf(a), p), "a=" + a);
    }
  }
}
