package org.planbok.mpc.circuit;

import java.util.Arrays;
import java.util.Objects;

/**
 * A boolean circuit over XOR, AND and NOT gates in single-assignment form, as garbling takes it.
 *
 * <p>Wires are numbered: {@code 0 … firstInputs−1} are the first party's input bits, the next
 * {@code secondInputs} wires the second party's, and gate {@code g} (in evaluation order) writes
 * wire {@code firstInputs + secondInputs + g}. A gate reads only wires numbered below its own
 * output, so the list is already in topological order. NOT gates read one wire ({@link #right(int)}
 * is −1). Only AND gates cost anything under free-XOR garbling; {@link #andGates()} counts them.
 *
 * <p>Bit order everywhere in this package: byte {@code i} of a byte string is bits {@code 8i …
 * 8i+7}, least significant bit first; an integer given as {@code n} little-endian bits has bit
 * {@code k} (of weight 2^k) at index {@code k}.
 */
public final class Circuit {
  /** The three gate kinds. */
  public enum Op {
    XOR,
    AND,
    NOT
  }

  private static final Op[] OPS = Op.values();

  private final int firstInputs;
  private final int secondInputs;
  private final byte[] ops;
  private final int[] left;
  private final int[] right;
  private final int[] outputs;
  private final int andGates;

  /**
   * @param ops each gate's {@link Op#ordinal()}
   * @param left each gate's first input wire
   * @param right each gate's second input wire, −1 for NOT
   * @param outputs the wires whose values are the circuit's output, in order
   */
  public Circuit(
      int firstInputs, int secondInputs, byte[] ops, int[] left, int[] right, int[] outputs) {
    if (firstInputs < 0 || secondInputs < 0) {
      throw new IllegalArgumentException("negative input count");
    }
    if (ops.length != left.length || ops.length != right.length) {
      throw new IllegalArgumentException("gate arrays differ in length");
    }
    this.firstInputs = firstInputs;
    this.secondInputs = secondInputs;
    this.ops = ops.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.outputs = outputs.clone();
    int inputs = firstInputs + secondInputs;
    int ands = 0;
    for (int g = 0; g < ops.length; g++) {
      int wire = inputs + g;
      Op op = OPS[ops[g]];
      check(left[g] >= 0 && left[g] < wire, "gate " + g + " reads a wire not yet written");
      if (op == Op.NOT) {
        check(right[g] == -1, "NOT gate " + g + " has a second input");
      } else {
        check(right[g] >= 0 && right[g] < wire, "gate " + g + " reads a wire not yet written");
      }
      if (op == Op.AND) {
        ands++;
      }
    }
    for (int w : outputs) {
      check(w >= 0 && w < inputs + ops.length, "output wire " + w + " does not exist");
    }
    this.andGates = ands;
  }

  public int firstInputs() {
    return firstInputs;
  }

  public int secondInputs() {
    return secondInputs;
  }

  /** Input wires plus one wire per gate. */
  public int wires() {
    return firstInputs + secondInputs + ops.length;
  }

  public int gates() {
    return ops.length;
  }

  public int andGates() {
    return andGates;
  }

  public Op op(int gate) {
    return OPS[ops[gate]];
  }

  public int left(int gate) {
    return left[gate];
  }

  /** The second input wire, or −1 for a NOT gate. */
  public int right(int gate) {
    return right[gate];
  }

  /** The wire gate {@code gate} writes. */
  public int wireOf(int gate) {
    return firstInputs + secondInputs + gate;
  }

  public int outputCount() {
    return outputs.length;
  }

  public int output(int index) {
    return outputs[index];
  }

  public int[] outputs() {
    return outputs.clone();
  }

  /** Evaluates in the clear: the reference every garbled evaluation is tested against. */
  public boolean[] evaluate(boolean[] first, boolean[] second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.length != firstInputs || second.length != secondInputs) {
      throw new IllegalArgumentException(
          "inputs: "
              + first.length
              + "+"
              + second.length
              + ", circuit takes "
              + firstInputs
              + "+"
              + secondInputs);
    }
    boolean[] w = Arrays.copyOf(first, wires());
    System.arraycopy(second, 0, w, firstInputs, secondInputs);
    int base = firstInputs + secondInputs;
    for (int g = 0; g < ops.length; g++) {
      boolean a = w[left[g]];
      w[base + g] =
          switch (OPS[ops[g]]) {
            case XOR -> a ^ w[right[g]];
            case AND -> a & w[right[g]];
            case NOT -> !a;
          };
    }
    boolean[] out = new boolean[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      out[i] = w[outputs[i]];
    }
    return out;
  }

  /** Bits of {@code bytes} in this package's order (byte 0's least significant bit first). */
  public static boolean[] bits(byte[] bytes) {
    boolean[] bits = new boolean[bytes.length * 8];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = ((bytes[i >>> 3] >>> (i & 7)) & 1) == 1;
    }
    return bits;
  }

  /** The inverse of {@link #bits(byte[])}; a length not a multiple of 8 is zero-padded. */
  public static byte[] bytes(boolean[] bits) {
    byte[] bytes = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        bytes[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return bytes;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }
}
