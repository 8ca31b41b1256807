package org.planbok.mpc.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha512CircuitTest {
  private static final boolean[] NOTHING = new boolean[0];
  private final Random random = new Random(180_4);

  @Test
  void hashesAbcAsFips180Example() {
    // FIPS 180-4's SHA-512 example "abc" (NIST CSRC examples, SHA512.pdf).
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    Circuit circuit = Sha512Circuit.of(3, 64);
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(expected, Circuit.bytes(circuit.evaluate(Circuit.bits(abc), NOTHING)));
  }

  @Test
  void agreesWithTheJdkOnRandomSeeds() throws Exception {
    Circuit circuit = Sha512Circuit.of(32, 32);
    for (int i = 0; i < 64; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
      assertArrayEquals(expected, Circuit.bytes(circuit.evaluate(Circuit.bits(seed), NOTHING)));
    }
  }

  @Test
  void agreesWithTheJdkAtEveryPaddingBoundary() throws Exception {
    // 111 bytes is the longest one-block message, 112 the shortest two-block one.
    for (int length : new int[] {1, 55, 64, 111, 112, 127, 128, 200}) {
      Circuit circuit = Sha512Circuit.of(length, 64);
      for (int i = 0; i < 3; i++) {
        byte[] message = new byte[length];
        random.nextBytes(message);
        byte[] expected = MessageDigest.getInstance("SHA-512").digest(message);
        byte[] actual = Circuit.bytes(circuit.evaluate(Circuit.bits(message), NOTHING));
        assertArrayEquals(expected, actual, length + " bytes");
      }
    }
  }

  @Test
  void padsToWholeBlocksEndingInTheBitLength() {
    assertEquals(128 - 32, Sha512Circuit.padding(32).length);
    assertEquals(17, Sha512Circuit.padding(111).length);
    assertEquals(256 - 112, Sha512Circuit.padding(112).length);
    byte[] pad = Sha512Circuit.padding(32);
    assertEquals((byte) 0x80, pad[0]);
    assertEquals(1, pad[pad.length - 2]);
    assertEquals(0, pad[pad.length - 1]);
  }

  @Test
  void costsWellUnderSixtyThousandAndGatesForThirtyTwoBytes() {
    Circuit half = Sha512Circuit.of(32, 32);
    Circuit whole = Sha512Circuit.of(32, 64);
    assertEquals(54_315, half.andGates());
    assertTrue(half.andGates() < whole.andGates(), "pruning drops H_4 … H_7's final additions");
  }

  @Test
  void rejectsAnOutputLongerThanTheDigest() {
    assertThrows(IllegalArgumentException.class, () -> Sha512Circuit.of(32, 65));
  }

  @Test
  void rejectsAnEmptyMessageWhoseDigestIsAConstant() {
    assertThrows(IllegalArgumentException.class, () -> Sha512Circuit.of(0, 32));
  }

  @Test
  void rejectsAMessageOfPartBytes() {
    CircuitBuilder builder = new CircuitBuilder();
    Word bits = builder.firstInput(12);
    assertThrows(IllegalArgumentException.class, () -> Sha512Circuit.digest(builder, bits));
  }
}
