package org.planbok.mpc.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;

class SeedKeyCircuitTest {
  private static final BigInteger L = Ed25519.L;
  private static final BigInteger TOP = BigInteger.ONE.shiftLeft(SeedKeyCircuit.SCALAR_BITS);
  private final Random random = new Random(8032);
  private final Circuit circuit = SeedKeyCircuit.circuit();

  @Test
  void agreesWithTheReferenceOnRandomInputs() {
    for (int i = 0; i < 40; i++) {
      assertAgrees(seed(), scalar(), seed(), scalar());
    }
  }

  @Test
  void agreesWithTheReferenceAtTheEdgesOfTheMaskRange() {
    BigInteger[] edges = {
      BigInteger.ZERO,
      BigInteger.ONE,
      L.subtract(BigInteger.ONE),
      L.subtract(BigInteger.TWO),
      L.shiftRight(1),
      L.subtract(BigInteger.valueOf(random.nextInt(1 << 30)))
    };
    for (BigInteger r1 : edges) {
      for (BigInteger r2 : edges) {
        assertAgrees(seed(), r1, seed(), r2);
      }
    }
  }

  @Test
  void derivesThePublicKeyBouncyCastleDerivesFromTheSeed() {
    for (int i = 0; i < 16; i++) {
      byte[] seed = seed();
      byte[] s1 = seed();
      byte[] s2 = new byte[32];
      for (int j = 0; j < 32; j++) {
        s2[j] = (byte) (s1[j] ^ seed[j]);
      }
      byte[] expected = new byte[32];
      org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, expected, 0);

      BigInteger d = SeedKeyCircuit.scalar(evaluate(s1, BigInteger.ZERO, s2, BigInteger.ZERO));
      assertArrayEquals(expected, encode(d), "with no masks d is a mod ℓ");

      BigInteger r1 = scalar();
      BigInteger r2 = scalar();
      BigInteger masked = SeedKeyCircuit.scalar(evaluate(s1, r1, s2, r2));
      assertArrayEquals(expected, encode(masked.add(r1).add(r2)), "the shares r1, r2 + d");
    }
  }

  @Test
  void reducesEveryClampedScalarBelowEightL() {
    CircuitBuilder builder = new CircuitBuilder();
    Word a = builder.firstInput(255);
    Circuit reduction = builder.build(SeedKeyCircuit.reduce(builder, a));
    BigInteger two254 = BigInteger.ONE.shiftLeft(254);
    BigInteger fourL = L.shiftLeft(2);
    BigInteger[] values = {
      two254,
      fourL.subtract(BigInteger.ONE),
      fourL,
      fourL.add(L),
      fourL.add(L.shiftLeft(1)),
      fourL.add(L.multiply(BigInteger.valueOf(3))).subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
      L,
      BigInteger.ZERO
    };
    for (BigInteger value : values) {
      boolean[] bits = new boolean[255];
      for (int k = 0; k < 255; k++) {
        bits[k] = value.testBit(k);
      }
      boolean[] out = reduction.evaluate(bits, new boolean[0]);
      assertEquals(value.mod(L), integer(out), value.toString(16));
    }
  }

  @Test
  void reportsMasksInRangeAsTheLastOutput() {
    assertTrue(
        SeedKeyCircuit.inRange(
            evaluate(seed(), L.subtract(BigInteger.ONE), seed(), L.subtract(BigInteger.ONE))));
    assertTrue(SeedKeyCircuit.inRange(evaluate(seed(), BigInteger.ZERO, seed(), scalar())));
  }

  @Test
  void rejectsMasksOfLOrMoreThroughInRange() {
    BigInteger[] outOfRange = {L, L.add(BigInteger.ONE), TOP.subtract(BigInteger.ONE)};
    for (BigInteger bad : outOfRange) {
      assertFalse(SeedKeyCircuit.inRange(evaluate(seed(), bad, seed(), scalar())), "r1 " + bad);
      assertFalse(SeedKeyCircuit.inRange(evaluate(seed(), scalar(), seed(), bad)), "r2 " + bad);
      assertFalse(SeedKeyCircuit.inRange(evaluate(seed(), bad, seed(), bad)), "both " + bad);
    }
  }

  @Test
  void laysOutInputsAndOutputsAsDocumented() {
    assertEquals(509, SeedKeyCircuit.PARTY_INPUT_BITS);
    assertEquals(SeedKeyCircuit.PARTY_INPUT_BITS, circuit.firstInputs());
    assertEquals(SeedKeyCircuit.PARTY_INPUT_BITS, circuit.secondInputs());
    assertEquals(SeedKeyCircuit.OUTPUT_BITS, circuit.outputCount());
    assertEquals(circuit.outputCount() - 1, SeedKeyCircuit.IN_RANGE_OUTPUT);
    assertSame(circuit, SeedKeyCircuit.circuit(), "built once");
  }

  @Test
  void costsUnderSixtyFiveThousandAndGates() {
    assertEquals(57_336, circuit.andGates());
    assertEquals(54_315, Sha512Circuit.of(32, 32).andGates(), "of which SHA-512's");
  }

  @Test
  void rejectsASeedShareNotOf32Bytes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SeedKeyCircuit.partyInput(new byte[31], BigInteger.ONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> SeedKeyCircuit.reference(new byte[33], BigInteger.ONE, seed(), BigInteger.ONE));
  }

  @Test
  void rejectsAMaskThatDoesNotFit253Bits() {
    assertThrows(IllegalArgumentException.class, () -> SeedKeyCircuit.partyInput(seed(), TOP));
    assertThrows(
        IllegalArgumentException.class,
        () -> SeedKeyCircuit.partyInput(seed(), BigInteger.ONE.negate()));
  }

  @Test
  void rejectsOutputsOfTheWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> SeedKeyCircuit.scalar(new boolean[253]));
    assertThrows(IllegalArgumentException.class, () -> SeedKeyCircuit.inRange(new boolean[255]));
  }

  private void assertAgrees(byte[] s1, BigInteger r1, byte[] s2, BigInteger r2) {
    boolean[] out = evaluate(s1, r1, s2, r2);
    assertTrue(SeedKeyCircuit.inRange(out));
    assertEquals(SeedKeyCircuit.reference(s1, r1, s2, r2), SeedKeyCircuit.scalar(out));
  }

  private boolean[] evaluate(byte[] s1, BigInteger r1, byte[] s2, BigInteger r2) {
    return circuit.evaluate(SeedKeyCircuit.partyInput(s1, r1), SeedKeyCircuit.partyInput(s2, r2));
  }

  private static byte[] encode(BigInteger scalar) {
    Ed25519 group = Ed25519.INSTANCE;
    return group.encode(group.multiplyGenerator(scalar));
  }

  private static BigInteger integer(boolean[] bits) {
    BigInteger value = BigInteger.ZERO;
    for (int k = 0; k < bits.length; k++) {
      if (bits[k]) {
        value = value.setBit(k);
      }
    }
    return value;
  }

  private byte[] seed() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return seed;
  }

  private BigInteger scalar() {
    return new BigInteger(260, random).mod(L);
  }
}
