package org.planbok.mpc.circuit;

import java.util.Arrays;

/**
 * The nodes a {@link CircuitBuilder} has written, in the order written: input wires of either party
 * and gates, each reading only earlier nodes. {@link #toCircuit} drops the gates no output depends
 * on and renumbers the rest into {@link Circuit}'s layout.
 */
final class GateList {
  static final byte XOR = (byte) Circuit.Op.XOR.ordinal();
  static final byte AND = (byte) Circuit.Op.AND.ordinal();
  static final byte NOT = (byte) Circuit.Op.NOT.ordinal();
  static final byte FIRST_INPUT = 3;
  static final byte SECOND_INPUT = 4;

  private byte[] op = new byte[1024];
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  // The node computing NOT of this one, or −1: a wire is negated by one gate however often asked.
  private int[] negation = new int[1024];
  private int size;
  private int firstInputs;
  private int secondInputs;

  int add(byte kind, int x, int y) {
    if (size == op.length) {
      int grown = size * 2;
      op = Arrays.copyOf(op, grown);
      left = Arrays.copyOf(left, grown);
      right = Arrays.copyOf(right, grown);
      negation = Arrays.copyOf(negation, grown);
    }
    op[size] = kind;
    left[size] = x;
    right[size] = y;
    negation[size] = -1;
    if (kind == FIRST_INPUT) {
      firstInputs++;
    } else if (kind == SECOND_INPUT) {
      secondInputs++;
    }
    return size++;
  }

  int addNot(int x) {
    int n = add(NOT, x, -1);
    negation[x] = n;
    return n;
  }

  byte op(int node) {
    return op[node];
  }

  int left(int node) {
    return left[node];
  }

  /** The existing NOT of {@code node}, or −1. */
  int negation(int node) {
    return negation[node];
  }

  /** True when one of the two nodes is the NOT gate of the other. */
  boolean negates(int x, int y) {
    return (op[x] == NOT && left[x] == y) || (op[y] == NOT && left[y] == x);
  }

  /**
   * The circuit with the given output bits: marks the gates the outputs depend on (nodes are
   * topologically ordered, so one backward pass suffices), numbers the first party's inputs, the
   * second party's, then the live gates in order, and writes constant outputs from input wire 0.
   */
  Circuit toCircuit(int[] outputs) {
    boolean[] live = new boolean[size];
    boolean constants = false;
    for (int w : outputs) {
      if (CircuitBuilder.isConstant(w)) {
        constants = true;
      } else {
        live[w] = true;
      }
    }
    for (int n = size - 1; n >= 0; n--) {
      if (live[n] && op[n] <= NOT) {
        live[left[n]] = true;
        if (op[n] != NOT) {
          live[right[n]] = true;
        }
      }
    }
    int[] wire = new int[size];
    int nextFirst = 0;
    int nextSecond = firstInputs;
    int nextGate = firstInputs + secondInputs;
    for (int n = 0; n < size; n++) {
      if (op[n] == FIRST_INPUT) {
        wire[n] = nextFirst++;
      } else if (op[n] == SECOND_INPUT) {
        wire[n] = nextSecond++;
      } else if (live[n]) {
        wire[n] = nextGate++;
      }
    }
    int gates = nextGate - firstInputs - secondInputs + (constants ? 2 : 0);
    byte[] ops = new byte[gates];
    int[] lefts = new int[gates];
    int[] rights = new int[gates];
    int g = 0;
    for (int n = 0; n < size; n++) {
      if (live[n] && op[n] <= NOT) {
        ops[g] = op[n];
        lefts[g] = wire[left[n]];
        rights[g] = op[n] == NOT ? -1 : wire[right[n]];
        g++;
      }
    }
    int zero = nextGate;
    int one = nextGate + 1;
    if (constants) {
      if (firstInputs + secondInputs == 0) {
        throw new IllegalStateException("a constant output needs an input wire to be written from");
      }
      // Emitted directly: the builder's folding would turn w⊕w back into the constant.
      ops[g] = XOR;
      lefts[g] = 0;
      rights[g] = 0;
      ops[g + 1] = NOT;
      lefts[g + 1] = zero;
      rights[g + 1] = -1;
    }
    int[] outputWires = new int[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      int w = outputs[i];
      outputWires[i] = w == CircuitBuilder.ZERO ? zero : w == CircuitBuilder.ONE ? one : wire[w];
    }
    return new Circuit(firstInputs, secondInputs, ops, lefts, rights, outputWires);
  }
}
