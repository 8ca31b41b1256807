package org.planbok.mpc.circuit;

import java.util.Arrays;

/**
 * Writes a {@link Circuit}: allocates each party's input wires, emits gates, and folds constants as
 * it goes, so that arithmetic with constant words (round constants, initial values, padding, a
 * modulus) costs no AND gate. A bit is an {@code int}: a wire of this builder, or {@link #ZERO} or
 * {@link #ONE}.
 *
 * <p>Folding rules: {@code x⊕0 = x}, {@code x⊕1 = ¬x}, {@code x⊕x = 0}, {@code x⊕¬x = 1}, {@code
 * ¬x⊕¬y = x⊕y}, {@code x∧0 = 0}, {@code x∧1 = x}, {@code x∧x = x}, {@code x∧¬x = 0}, {@code ¬¬x =
 * x}, and one NOT gate per wire at most. The word-level operations spend one AND gate per bit, the
 * cost that matters under free-XOR garbling.
 *
 * <p>{@link #build(Word)} keeps only the gates some output depends on, then numbers wires as {@link
 * Circuit} requires: the first party's inputs in the order allocated, the second party's, then the
 * gates. Inputs may be allocated at any time. A builder is single-threaded and meant for one
 * circuit.
 */
public final class CircuitBuilder {
  /** The constant bit 0. */
  public static final int ZERO = -1;

  /** The constant bit 1. */
  public static final int ONE = -2;

  private final GateList nodes = new GateList();

  /** A subtraction's result modulo 2^n and its borrow out (1 when the subtrahend was larger). */
  public record Difference(Word value, int borrow) {}

  public static boolean isConstant(int bit) {
    return bit == ZERO || bit == ONE;
  }

  /** Allocates {@code size} input wires of the first party. */
  public Word firstInput(int size) {
    return inputs(GateList.FIRST_INPUT, size);
  }

  /** Allocates {@code size} input wires of the second party. */
  public Word secondInput(int size) {
    return inputs(GateList.SECOND_INPUT, size);
  }

  private Word inputs(byte party, int size) {
    int[] bits = new int[size];
    for (int k = 0; k < size; k++) {
      bits[k] = nodes.add(party, -1, -1);
    }
    return Word.of(bits);
  }

  public int xor(int x, int y) {
    if (isConstant(x)) {
      return x == ZERO ? y : not(y);
    }
    if (isConstant(y)) {
      return y == ZERO ? x : not(x);
    }
    if (x == y) {
      return ZERO;
    }
    if (nodes.negates(x, y)) {
      return ONE;
    }
    if (nodes.op(x) == GateList.NOT && nodes.op(y) == GateList.NOT) {
      return xor(nodes.left(x), nodes.left(y));
    }
    return nodes.add(GateList.XOR, x, y);
  }

  public int and(int x, int y) {
    if (isConstant(x)) {
      return x == ZERO ? ZERO : y;
    }
    if (isConstant(y)) {
      return y == ZERO ? ZERO : x;
    }
    if (x == y) {
      return x;
    }
    if (nodes.negates(x, y)) {
      return ZERO;
    }
    return nodes.add(GateList.AND, x, y);
  }

  public int not(int x) {
    if (isConstant(x)) {
      return x == ZERO ? ONE : ZERO;
    }
    if (nodes.op(x) == GateList.NOT) {
      return nodes.left(x);
    }
    int known = nodes.negation(x);
    return known >= 0 ? known : nodes.addNot(x);
  }

  public Word xor(Word a, Word b) {
    requireSameSize(a, b);
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = xor(a.bit(k), b.bit(k));
    }
    return Word.of(out);
  }

  public Word and(Word a, Word b) {
    requireSameSize(a, b);
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = and(a.bit(k), b.bit(k));
    }
    return Word.of(out);
  }

  public Word not(Word a) {
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = not(a.bit(k));
    }
    return Word.of(out);
  }

  /**
   * a + b mod 2^n, ripple carry with one AND a bit. The carry out of a full adder is Maj(a, b, c),
   * written {@code a ⊕ ((a⊕b) ∧ (a⊕c))} so that {@code a⊕b} serves the sum bit too; the pivot is
   * whichever of a and b is not a constant, so that no NOT gate is spent on a constant's bit. The
   * carry out of the top bit is not computed.
   */
  public Word add(Word a, Word b) {
    requireSameSize(a, b);
    int[] sum = new int[a.size()];
    int carry = ZERO;
    for (int k = 0; k < sum.length; k++) {
      int pivot = isConstant(a.bit(k)) ? b.bit(k) : a.bit(k);
      int both = xor(a.bit(k), b.bit(k));
      sum[k] = xor(both, carry);
      if (k + 1 < sum.length) {
        carry = xor(pivot, and(both, xor(pivot, carry)));
      }
    }
    return Word.of(sum);
  }

  /**
   * The sum of all {@code terms} mod 2^n. Constant terms are added first, among themselves, so they
   * fold into one constant before any gate is spent on them.
   */
  public Word sum(Word... terms) {
    Word[] ordered = terms.clone();
    Arrays.sort(ordered, (p, q) -> Boolean.compare(q.isConstant(), p.isConstant()));
    Word total = ordered[0];
    for (int i = 1; i < ordered.length; i++) {
      total = add(total, ordered[i]);
    }
    return total;
  }

  /**
   * a − b mod 2^n and the borrow out, one AND a bit. The borrow out of a full subtractor is Maj(¬a,
   * b, c), which equals {@code c ⊕ ((a⊕b) ∧ (b⊕c))}, sharing {@code a⊕b} with the difference bit.
   */
  public Difference subtract(Word a, Word b) {
    requireSameSize(a, b);
    int[] difference = new int[a.size()];
    int borrow = ZERO;
    for (int k = 0; k < difference.length; k++) {
      int both = xor(a.bit(k), b.bit(k));
      difference[k] = xor(both, borrow);
      borrow = xor(borrow, and(both, xor(b.bit(k), borrow)));
    }
    return new Difference(Word.of(difference), borrow);
  }

  /** 1 when a &lt; b as unsigned integers: the borrow of a − b, without the difference's XORs. */
  public int lessThan(Word a, Word b) {
    requireSameSize(a, b);
    int borrow = ZERO;
    for (int k = 0; k < a.size(); k++) {
      borrow = xor(borrow, and(xor(a.bit(k), b.bit(k)), xor(b.bit(k), borrow)));
    }
    return borrow;
  }

  /** {@code select ? ifOne : ifZero}, as {@code ifZero ⊕ (select ∧ (ifOne ⊕ ifZero))}. */
  public Word choose(int select, Word ifOne, Word ifZero) {
    requireSameSize(ifOne, ifZero);
    int[] out = new int[ifOne.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = xor(ifZero.bit(k), and(select, xor(ifOne.bit(k), ifZero.bit(k))));
    }
    return Word.of(out);
  }

  /** {@code select ? a : 0}, bit by bit; free when {@code a} is a constant word. */
  public Word mask(int select, Word a) {
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = and(select, a.bit(k));
    }
    return Word.of(out);
  }

  /** Ch(x, y, z) = (x∧y) ⊕ (¬x∧z) of FIPS 180-4 §4.1.3, written {@code z ⊕ (x ∧ (y⊕z))}. */
  public Word ch(Word x, Word y, Word z) {
    return xor(z, and(x, xor(y, z)));
  }

  /**
   * Maj(x, y, z) = (x∧y) ⊕ (x∧z) ⊕ (y∧z) of FIPS 180-4 §4.1.3, written {@code y ⊕ ((x⊕y) ∧ (y⊕z))}.
   */
  public Word maj(Word x, Word y, Word z) {
    return xor(y, and(xor(x, y), xor(y, z)));
  }

  /**
   * The circuit whose outputs are the bits of {@code outputs}, without gates no output depends on.
   * A constant output is written from the first input wire as {@code w⊕w} (and its negation), so
   * the circuit needs at least one input wire if any output is constant.
   */
  public Circuit build(Word outputs) {
    return nodes.toCircuit(outputs.bits());
  }

  private static void requireSameSize(Word a, Word b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("words of " + a.size() + " and " + b.size() + " bits");
    }
  }
}
