package org.planbok.mpc.garble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.SessionId;

/**
 * Garbled evaluation gives what {@link Circuit#evaluate} gives, with every message through its byte
 * encoding: the garbler's tables, decoding and input labels, the evaluator's labels out of (here,
 * simulated) oblivious transfer.
 */
class GarblingTest {
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);

  /** Garbler holds the first party's input; the evaluator the second, fetched by "OT". */
  static boolean[] garbleAndEvaluate(
      Circuit c, boolean[] first, boolean[] second, SessionId sid, SecureRandom random) {
    Garbling garbling = Garbler.garble(c, sid, random);
    GarbledTables tables = GarbledTables.fromChunks(garbling.tables().toChunks(), c);
    OutputDecoding decoding = OutputDecoding.fromBytes(garbling.decoding().toBytes(), c);
    Labels sent = Labels.fromBytes(garbling.firstInputLabels(first).toBytes(), c.firstInputs());
    byte[][] transferred = new byte[c.secondInputs()][];
    for (int i = 0; i < transferred.length; i++) {
      transferred[i] = garbling.inputLabel(c.firstInputs() + i, second[i]);
    }
    Labels outputs = Evaluator.evaluate(c, tables, sent, Labels.of(transferred));
    return decoding.decode(sid, outputs);
  }

  @Test
  void randomCircuitsEvaluateAsInTheClear() {
    Random rnd = new Random(13);
    for (int trial = 0; trial < 120; trial++) {
      Circuit c = HandCircuits.random(rnd, 1 + rnd.nextInt(64), rnd.nextInt(64), 3000, 32);
      boolean[] first = HandCircuits.randomBits(rnd, c.firstInputs());
      boolean[] second = HandCircuits.randomBits(rnd, c.secondInputs());
      assertArrayEquals(
          c.evaluate(first, second),
          garbleAndEvaluate(c, first, second, sid, random),
          "trial " + trial);
    }
  }

  @Test
  void adderAddsOnRandomInputs() {
    Circuit adder = HandCircuits.adder(64);
    Random rnd = new Random(1);
    for (int trial = 0; trial < 100; trial++) {
      long a = rnd.nextLong();
      long b = rnd.nextLong();
      boolean[] sum = garbleAndEvaluate(adder, bits(a), bits(b), sid, random);
      BigInteger expected = unsigned(a).add(unsigned(b));
      assertEquals(expected, new BigInteger(1, reversed(Circuit.bytes(sum))));
    }
  }

  @Test
  void comparatorComparesIncludingEqualValues() {
    Circuit lessThan = HandCircuits.lessThan(32);
    Random rnd = new Random(2);
    for (int trial = 0; trial < 100; trial++) {
      long a = rnd.nextInt() & 0xffffffffL;
      long b = trial % 10 == 0 ? a : rnd.nextInt() & 0xffffffffL;
      boolean[] less = garbleAndEvaluate(lessThan, bits32(a), bits32(b), sid, random);
      assertEquals(a < b, less[0], a + " < " + b);
    }
  }

  @Test
  void notChainAlternates() {
    Circuit chain = HandCircuits.notChain(1000);
    for (boolean in : new boolean[] {false, true}) {
      boolean[] out = garbleAndEvaluate(chain, new boolean[] {in}, new boolean[0], sid, random);
      for (int i = 0; i < out.length; i++) {
        assertEquals(in ^ (i % 2 == 0), out[i], "link " + i);
      }
    }
  }

  @Test
  void xorChainGivesEveryPrefixParity() {
    Circuit chain = HandCircuits.xorChain(200);
    Random rnd = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] first = HandCircuits.randomBits(rnd, 200);
      boolean[] second = HandCircuits.randomBits(rnd, 200);
      assertArrayEquals(
          chain.evaluate(first, second), garbleAndEvaluate(chain, first, second, sid, random));
    }
  }

  @Test
  void andOfAWireWithItselfIsTheWire() {
    Circuit square =
        new Circuit(
            1,
            0,
            new byte[] {(byte) Circuit.Op.AND.ordinal()},
            new int[] {0},
            new int[] {0},
            new int[] {1});
    for (boolean in : new boolean[] {false, true}) {
      assertArrayEquals(
          new boolean[] {in},
          garbleAndEvaluate(square, new boolean[] {in}, new boolean[0], sid, random));
    }
  }

  @Test
  void circuitWithoutGatesOutputsItsInputs() {
    Circuit wires = new Circuit(2, 1, new byte[0], new int[0], new int[0], new int[] {2, 0, 1});
    boolean[] out =
        garbleAndEvaluate(wires, new boolean[] {true, false}, new boolean[] {true}, sid, random);
    assertArrayEquals(new boolean[] {true, true, false}, out);
  }

  @Test
  void evaluatorMayHoldTheFirstPartysInput() {
    // Dual execution: in the second run the other node garbles, so the roles of the two input
    // ranges swap. The evaluator's labels for the first party's wires come by oblivious transfer.
    Circuit adder = HandCircuits.adder(16);
    boolean[] first = bits32(40_000L);
    boolean[] second = bits32(30_000L);
    boolean[] a = Arrays.copyOf(first, 16);
    boolean[] b = Arrays.copyOf(second, 16);
    Garbling garbling = Garbler.garble(adder, sid, random);
    byte[][] transferred = new byte[16][];
    for (int i = 0; i < 16; i++) {
      transferred[i] = garbling.inputLabel(i, a[i]);
    }
    Labels out =
        Evaluator.evaluate(
            adder, garbling.tables(), Labels.of(transferred), garbling.secondInputLabels(b));
    assertArrayEquals(adder.evaluate(a, b), garbling.decoding().decode(sid, out));
  }

  @Test
  void evaluatorEndsWithTheGarblersOutputLabels() {
    // What dual execution's equality check relies on: an honest evaluation lands on exactly the
    // labels the garbler computes for the true output bits.
    Circuit c = HandCircuits.random(new Random(4), 32, 32, 2000, 16);
    boolean[] first = HandCircuits.randomBits(new Random(5), 32);
    boolean[] second = HandCircuits.randomBits(new Random(6), 32);
    Garbling garbling = Garbler.garble(c, sid, random);
    Labels out =
        Evaluator.evaluate(
            c,
            garbling.tables(),
            garbling.firstInputLabels(first),
            garbling.secondInputLabels(second));
    boolean[] bits = c.evaluate(first, second);
    assertArrayEquals(garbling.outputLabels(bits).toBytes(), out.toBytes());
    for (int k = 0; k < bits.length; k++) {
      assertArrayEquals(garbling.outputLabel(k, bits[k]), out.label(k));
    }
  }

  @Test
  void labelsOfOneWireDifferByDeltaWithColourOne() {
    Garbling garbling = Garbler.garble(HandCircuits.adder(8), sid, random);
    byte[] diff0 = xor(garbling.inputLabel(0, false), garbling.inputLabel(0, true));
    byte[] diff9 = xor(garbling.inputLabel(9, false), garbling.inputLabel(9, true));
    assertArrayEquals(diff0, diff9);
    assertEquals(1, diff0[0] & 1, "Δ has colour 1, so a wire's two labels have different colours");
  }

  @Test
  void everyGarblingIsFresh() {
    Circuit adder = HandCircuits.adder(8);
    Garbling one = Garbler.garble(adder, sid, random);
    Garbling two = Garbler.garble(adder, sid, random);
    assertFalse(Arrays.equals(one.inputLabel(0, false), two.inputLabel(0, false)));
    assertFalse(Arrays.equals(one.tables().toBytes(), two.tables().toBytes()));
  }

  @Test
  void tablesTakeThirtyTwoBytesPerAndGate() {
    Circuit adder = HandCircuits.adder(64);
    Garbling garbling = Garbler.garble(adder, sid, random);
    assertEquals(adder.andGates(), garbling.tables().andGates());
    assertEquals(4 + 32 * adder.andGates(), garbling.tables().toBytes().length);
    assertEquals(4 + 32 * adder.outputCount(), garbling.decoding().toBytes().length);
  }

  @Test
  void secretsAreRedactedAndCanBeZeroed() {
    Circuit adder = HandCircuits.adder(8);
    Garbling garbling = Garbler.garble(adder, sid, random);
    Labels labels = garbling.firstInputLabels(new boolean[8]);
    assertTrue(garbling.toString().contains("redacted"));
    assertTrue(labels.toString().contains("redacted"));
    labels.destroy();
    assertArrayEquals(new byte[16 * 8], labels.toBytes());
    garbling.destroy();
    assertThrows(IllegalStateException.class, () -> garbling.inputLabel(0, false));
    assertThrows(IllegalStateException.class, () -> garbling.outputLabel(0, true));
  }

  @Test
  void rejectsAWireThatIsNoInput() {
    Circuit adder = HandCircuits.adder(8);
    Garbling garbling = Garbler.garble(adder, sid, random);
    assertThrows(IllegalArgumentException.class, () -> garbling.inputLabel(16, false));
    assertThrows(IllegalArgumentException.class, () -> garbling.inputLabel(-1, false));
    assertThrows(IllegalArgumentException.class, () -> garbling.firstInputLabels(new boolean[7]));
    assertThrows(IllegalArgumentException.class, () -> garbling.outputLabel(9, false));
  }

  private static boolean[] bits(long v) {
    boolean[] b = new boolean[64];
    for (int i = 0; i < 64; i++) {
      b[i] = ((v >>> i) & 1) == 1;
    }
    return b;
  }

  private static boolean[] bits32(long v) {
    return Arrays.copyOf(bits(v), 32);
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  private static byte[] reversed(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] r = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = (byte) (a[i] ^ b[i]);
    }
    return r;
  }
}
