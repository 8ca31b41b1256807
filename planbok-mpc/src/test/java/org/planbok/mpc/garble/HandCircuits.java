package org.planbok.mpc.garble;

import java.util.Arrays;
import java.util.Random;
import org.planbok.mpc.circuit.Circuit;

/**
 * Circuits written gate by gate for the garbling tests, independent of the circuit builder: a
 * ripple-carry adder, a comparator, chains, and random circuits.
 */
public final class HandCircuits {
  private final int firstInputs;
  private final int secondInputs;
  private byte[] ops = new byte[16];
  private int[] left = new int[16];
  private int[] right = new int[16];
  private int gates;

  private HandCircuits(int firstInputs, int secondInputs) {
    this.firstInputs = firstInputs;
    this.secondInputs = secondInputs;
  }

  /** {@code a + b} for n-bit {@code a} (first party) and {@code b} (second), n + 1 output bits. */
  static Circuit adder(int n) {
    HandCircuits c = new HandCircuits(n, n);
    int[] sum = new int[n + 1];
    int carry = -1;
    for (int i = 0; i < n; i++) {
      int a = i;
      int b = n + i;
      int half = c.xor(a, b);
      if (carry < 0) {
        sum[i] = half;
        carry = c.and(a, b);
      } else {
        sum[i] = c.xor(half, carry);
        // carry' = a·b ⊕ carry·(a ⊕ b): the two terms never both hold.
        carry = c.xor(c.and(a, b), c.and(carry, half));
      }
    }
    sum[n] = carry;
    return c.build(sum);
  }

  /** One output bit: {@code a < b} for n-bit {@code a} (first party) and {@code b} (second). */
  static Circuit lessThan(int n) {
    HandCircuits c = new HandCircuits(n, n);
    int less = c.and(c.not(0), n);
    for (int i = 1; i < n; i++) {
      int a = i;
      int b = n + i;
      // less' = ¬a·b ⊕ ¬(a ⊕ b)·less, from the least significant bit up; the terms exclude each
      // other.
      int here = c.and(c.not(a), b);
      int equal = c.not(c.xor(a, b));
      less = c.xor(here, c.and(equal, less));
    }
    return c.build(new int[] {less});
  }

  /** {@code length} NOT gates after the first party's single input; every link is an output. */
  static Circuit notChain(int length) {
    HandCircuits c = new HandCircuits(1, 0);
    int[] outs = new int[length];
    int w = 0;
    for (int i = 0; i < length; i++) {
      w = c.not(w);
      outs[i] = w;
    }
    return c.build(outs);
  }

  /**
   * Running XOR of the first party's and the second party's inputs, interleaved; every prefix out.
   */
  static Circuit xorChain(int n) {
    HandCircuits c = new HandCircuits(n, n);
    int[] outs = new int[2 * n - 1];
    int w = 0;
    for (int i = 1; i < 2 * n; i++) {
      int next = (i % 2 == 1) ? n + i / 2 : i / 2;
      w = c.xor(w, next);
      outs[i - 1] = w;
    }
    return c.build(outs);
  }

  /**
   * A random circuit: each gate AND with probability 2/5, NOT 1/5, XOR otherwise, reading mostly
   * recent wires (as real circuits do) and sometimes any earlier wire, including the same wire
   * twice. The outputs are the last {@code outputs} wires and a few random ones.
   */
  static Circuit random(Random rnd, int firstInputs, int secondInputs, int gates, int outputs) {
    HandCircuits c = new HandCircuits(firstInputs, secondInputs);
    for (int g = 0; g < gates; g++) {
      int wires = firstInputs + secondInputs + g;
      int a = pick(rnd, wires);
      int b = pick(rnd, wires);
      int kind = rnd.nextInt(5);
      if (kind < 2) {
        c.and(a, b);
      } else if (kind == 2) {
        c.not(a);
      } else {
        c.xor(a, b);
      }
    }
    int wires = firstInputs + secondInputs + gates;
    int[] outs = new int[outputs + 4];
    for (int k = 0; k < outputs; k++) {
      outs[k] = Math.max(0, wires - outputs + k);
    }
    for (int k = outputs; k < outs.length; k++) {
      outs[k] = rnd.nextInt(wires);
    }
    return c.build(outs);
  }

  /**
   * A random circuit with exactly {@code ands} AND gates among twice as many XORs and some NOTs.
   */
  public static Circuit randomWithAnds(Random rnd, int inputsEach, int ands, int outputs) {
    HandCircuits c = new HandCircuits(inputsEach, inputsEach);
    int placed = 0;
    while (placed < ands) {
      int wires = 2 * inputsEach + c.gates;
      int a = pick(rnd, wires);
      int b = pick(rnd, wires);
      int kind = rnd.nextInt(7);
      if (kind < 2) {
        c.and(a, b);
        placed++;
      } else if (kind == 2) {
        c.not(a);
      } else {
        c.xor(a, b);
      }
    }
    int wires = 2 * inputsEach + c.gates;
    int[] outs = new int[outputs];
    for (int k = 0; k < outputs; k++) {
      outs[k] = wires - outputs + k;
    }
    return c.build(outs);
  }

  public static boolean[] randomBits(Random rnd, int n) {
    boolean[] bits = new boolean[n];
    for (int i = 0; i < n; i++) {
      bits[i] = rnd.nextBoolean();
    }
    return bits;
  }

  /** Usually one of the last 64 wires, sometimes any. */
  private static int pick(Random rnd, int wires) {
    if (wires > 64 && rnd.nextInt(4) != 0) {
      return wires - 1 - rnd.nextInt(64);
    }
    return rnd.nextInt(wires);
  }

  private int xor(int a, int b) {
    return add(Circuit.Op.XOR, a, b);
  }

  private int and(int a, int b) {
    return add(Circuit.Op.AND, a, b);
  }

  private int not(int a) {
    return add(Circuit.Op.NOT, a, -1);
  }

  private int add(Circuit.Op op, int a, int b) {
    if (gates == ops.length) {
      ops = Arrays.copyOf(ops, 2 * gates);
      left = Arrays.copyOf(left, 2 * gates);
      right = Arrays.copyOf(right, 2 * gates);
    }
    ops[gates] = (byte) op.ordinal();
    left[gates] = a;
    right[gates] = b;
    return firstInputs + secondInputs + gates++;
  }

  private Circuit build(int[] outputs) {
    return new Circuit(
        firstInputs,
        secondInputs,
        Arrays.copyOf(ops, gates),
        Arrays.copyOf(left, gates),
        Arrays.copyOf(right, gates),
        outputs);
  }
}
