package org.planbok.mpc.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Sha512ConstantsTest {
  @Test
  void derivesTheRoundConstantsOfFips180Section423() {
    assertEquals(0x428a2f98d728ae22L, Sha512Constants.K[0]);
    assertEquals(0x7137449123ef65cdL, Sha512Constants.K[1]);
    assertEquals(0x5fcb6fab3ad6faecL, Sha512Constants.K[78]);
    assertEquals(0x6c44198c4a475817L, Sha512Constants.K[79]);
  }

  @Test
  void derivesTheInitialHashValueOfFips180Section535() {
    assertEquals(0x6a09e667f3bcc908L, Sha512Constants.IV[0]);
    assertEquals(0xbb67ae8584caa73bL, Sha512Constants.IV[1]);
    assertEquals(0x5be0cd19137e2179L, Sha512Constants.IV[7]);
  }

  @Test
  void findsTheFirstPrimesByTrialDivision() {
    int[] first = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    int found = 0;
    for (int n = 0; n <= 29; n++) {
      if (Sha512Constants.isPrime(n)) {
        assertEquals(first[found++], n);
      }
    }
    assertEquals(first.length, found);
    assertTrue(Sha512Constants.isPrime(409), "the 80th prime");
  }

  @Test
  void takesIntegerCubeRootsExactly() {
    for (long r : new long[] {2, 3, 1000, 0x1fffffL}) {
      BigInteger root = BigInteger.valueOf(r);
      BigInteger cube = root.pow(3);
      assertEquals(root, Sha512Constants.cubeRoot(cube));
      assertEquals(root, Sha512Constants.cubeRoot(cube.add(root.multiply(BigInteger.TWO))));
      assertEquals(
          root.subtract(BigInteger.ONE), Sha512Constants.cubeRoot(cube.subtract(BigInteger.ONE)));
    }
  }
}
