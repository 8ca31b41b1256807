package org.planbok.mpc.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.planbok.mpc.circuit.CircuitBuilder.ONE;
import static org.planbok.mpc.circuit.CircuitBuilder.ZERO;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {
  private final Random random = new Random(13);
  private final CircuitBuilder builder = new CircuitBuilder();

  @Test
  void foldsGatesWithConstantsAndRepeatedWires() {
    int x = builder.firstInput(1).bit(0);
    int y = builder.secondInput(1).bit(0);
    int notX = builder.not(x);
    assertEquals(x, builder.xor(x, ZERO));
    assertEquals(notX, builder.xor(x, ONE));
    assertEquals(ZERO, builder.xor(x, x));
    assertEquals(ONE, builder.xor(x, notX));
    assertEquals(ZERO, builder.and(x, ZERO));
    assertEquals(x, builder.and(ONE, x));
    assertEquals(x, builder.and(x, x));
    assertEquals(ZERO, builder.and(notX, x));
    assertEquals(x, builder.not(notX));
    assertEquals(notX, builder.not(x), "one NOT gate a wire");
    assertEquals(ONE, builder.not(ZERO));
    Circuit circuit = builder.build(Word.of(builder.xor(notX, builder.not(y))));
    assertEquals(1, circuit.gates(), "¬x⊕¬y is x⊕y: one XOR, the NOTs pruned");
  }

  @Test
  void addsConstantWordsWithoutGates() {
    Word in = builder.firstInput(1);
    Word sum = builder.add(Word.constant(0x6a09e667f3bcc908L, 64), Word.constant(-1L, 64));
    assertEquals(Word.constant(0x6a09e667f3bcc907L, 64), sum);
    Circuit circuit = builder.build(in.concat(sum));
    assertEquals(0, circuit.andGates());
    assertEquals(2, circuit.gates(), "one zero wire and one one wire, written from the input");
    boolean[] out = circuit.evaluate(new boolean[] {true}, new boolean[0]);
    assertEquals(true, out[0]);
    assertEquals(0x6a09e667f3bcc907L, toLong(out, 1));
  }

  @Test
  void addsWithOneAndGateABit() {
    Word a = builder.firstInput(64);
    Word b = builder.secondInput(64);
    Circuit circuit = builder.build(builder.add(a, b));
    assertEquals(63, circuit.andGates(), "no carry out of the top bit");
    for (int i = 0; i < 200; i++) {
      long x = random.nextLong();
      long y = random.nextLong();
      assertEquals(x + y, toLong(circuit.evaluate(bits(x, 64), bits(y, 64)), 0));
    }
  }

  @Test
  void addsAConstantWithOneAndGateABit() {
    Word a = builder.firstInput(64);
    long k = 0x428a2f98d728ae22L;
    builder.secondInput(0);
    Circuit circuit = builder.build(builder.add(Word.constant(k, 64), a));
    // K_0 ends in binary …10: the carries into bits 1 and 2 are 0 and a_1, no gate.
    assertEquals(61, circuit.andGates());
    for (int i = 0; i < 100; i++) {
      long x = random.nextLong();
      assertEquals(x + k, toLong(circuit.evaluate(bits(x, 64), new boolean[0]), 0));
    }
  }

  @Test
  void subtractsWithBorrowOut() {
    Word a = builder.firstInput(64);
    Word b = builder.secondInput(64);
    CircuitBuilder.Difference diff = builder.subtract(a, b);
    Circuit circuit = builder.build(diff.value().concat(Word.of(diff.borrow())));
    assertEquals(64, circuit.andGates());
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < 300; i++) {
      long x = i < 25 ? edges[i % 5] : random.nextLong();
      long y = i < 25 ? edges[i / 5] : random.nextLong();
      boolean[] out = circuit.evaluate(bits(x, 64), bits(y, 64));
      assertEquals(x - y, toLong(out, 0));
      assertEquals(Long.compareUnsigned(x, y) < 0, out[64], x + " - " + y);
    }
  }

  @Test
  void comparesLikeTheBorrowOfASubtraction() {
    Word a = builder.firstInput(16);
    Word b = builder.secondInput(16);
    Circuit circuit = builder.build(Word.of(builder.lessThan(a, b)));
    assertEquals(16, circuit.andGates());
    for (int x = 0; x < 1 << 16; x += 97) {
      for (int y = 0; y < 1 << 16; y += 89) {
        assertEquals(x < y, circuit.evaluate(bits(x, 16), bits(y, 16))[0]);
      }
    }
  }

  @Test
  void choosesChMajAndMaskWithOneAndGateABit() {
    Word x = builder.firstInput(64);
    Word y = builder.firstInput(64);
    Word z = builder.secondInput(64);
    int select = builder.secondInput(1).bit(0);
    Word out =
        builder
            .choose(select, x, y)
            .concat(builder.ch(x, y, z))
            .concat(builder.maj(x, y, z))
            .concat(builder.mask(select, Word.constant(0xdeadbeefL, 64)));
    Circuit circuit = builder.build(out);
    assertEquals(3 * 64, circuit.andGates(), "masking a constant is free");
    for (int i = 0; i < 200; i++) {
      long a = random.nextLong();
      long b = random.nextLong();
      long c = random.nextLong();
      boolean s = random.nextBoolean();
      boolean[] first = concat(bits(a, 64), bits(b, 64));
      boolean[] second = concat(bits(c, 64), new boolean[] {s});
      boolean[] result = circuit.evaluate(first, second);
      assertEquals(s ? a : b, toLong(result, 0));
      assertEquals((a & b) ^ (~a & c), toLong(result, 64));
      assertEquals((a & b) ^ (a & c) ^ (b & c), toLong(result, 128));
      assertEquals(s ? 0xdeadbeefL : 0, toLong(result, 192));
    }
  }

  @Test
  void prunesGatesNoOutputDependsOn() {
    Word a = builder.firstInput(64);
    Word b = builder.secondInput(64);
    Word sum = builder.add(a, b);
    builder.maj(a, b, sum);
    Circuit circuit = builder.build(sum.slice(0, 8));
    assertEquals(7, circuit.andGates(), "only the carries into bits 1…7");
    assertEquals(128, circuit.firstInputs() + circuit.secondInputs(), "inputs stay");
    assertEquals(0x12 + 0x34 & 0xff, toLong(circuit.evaluate(bits(0x12, 64), bits(0x34, 64)), 0));
  }

  @Test
  void numbersTheFirstPartysInputsFirstWhateverTheOrderAllocated() {
    Word second = builder.secondInput(2);
    Word first = builder.firstInput(3);
    Circuit circuit = builder.build(second.concat(first));
    assertEquals(3, circuit.firstInputs());
    assertArrayEquals(new int[] {3, 4, 0, 1, 2}, circuit.outputs());
  }

  @Test
  void rotatesAndShiftsLikeFips180() {
    Word w = Word.constant(0x8000000000000001L, 64);
    assertEquals(Word.constant(0xc000000000000000L, 64), w.rotateRight(1));
    assertEquals(Word.constant(0x4000000000000000L, 64), w.shiftRight(1));
    assertEquals(Word.constant(0x0000000000000002L, 64), w.shiftLeft(1));
    assertEquals(
        Word.constant(0x0123456789abcdefL, 64),
        Word.constant(0xefcdab8967452301L, 64).reverseBytes());
  }

  @Test
  void rejectsWordsOfDifferentSizes() {
    Word a = builder.firstInput(8);
    Word b = builder.secondInput(9);
    assertThrows(IllegalArgumentException.class, () -> builder.add(a, b));
    assertThrows(IllegalArgumentException.class, () -> builder.subtract(a, b));
    assertThrows(IllegalArgumentException.class, () -> builder.choose(ONE, a, b));
  }

  @Test
  void rejectsAConstantOutputWithNoInputToWriteItFrom() {
    assertThrows(IllegalStateException.class, () -> builder.build(Word.constant(1, 1)));
  }

  static boolean[] bits(long value, int size) {
    boolean[] bits = new boolean[size];
    for (int k = 0; k < size; k++) {
      bits[k] = ((value >>> k) & 1) == 1;
    }
    return bits;
  }

  static long toLong(boolean[] bits, int from) {
    long value = 0;
    for (int k = 0; k < 64 && from + k < bits.length; k++) {
      if (bits[from + k]) {
        value |= 1L << k;
      }
    }
    return value;
  }

  private static boolean[] concat(boolean[] a, boolean[] b) {
    boolean[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
