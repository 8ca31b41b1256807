package org.planbok.mpc.circuit;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable vector of bits of a circuit under construction, least significant first: bit {@code
 * k} of a word read as an integer has weight 2^k. Each bit is a wire of one {@link CircuitBuilder}
 * or one of the constants {@link CircuitBuilder#ZERO} and {@link CircuitBuilder#ONE}.
 *
 * <p>Rearranging bits (rotations, shifts, slices, byte swaps) emits no gate, so it lives here; what
 * needs a gate is done by the builder.
 */
public final class Word {
  private final int[] bits;

  private Word(int[] bits) {
    this.bits = bits;
  }

  /** A word of the given bits, least significant first. */
  public static Word of(int... bits) {
    return new Word(bits.clone());
  }

  /** The low {@code size} bits of {@code value} as constants. */
  public static Word constant(long value, int size) {
    return constant(BigInteger.valueOf(value), size);
  }

  /** The low {@code size} bits of {@code value} (two's complement if negative) as constants. */
  public static Word constant(BigInteger value, int size) {
    int[] bits = new int[size];
    for (int k = 0; k < size; k++) {
      bits[k] = value.testBit(k) ? CircuitBuilder.ONE : CircuitBuilder.ZERO;
    }
    return new Word(bits);
  }

  /** The bits of {@code bytes} as constants, in this package's byte order. */
  public static Word constantBytes(byte[] bytes) {
    int[] bits = new int[bytes.length * 8];
    for (int k = 0; k < bits.length; k++) {
      bits[k] = ((bytes[k >>> 3] >>> (k & 7)) & 1) == 1 ? CircuitBuilder.ONE : CircuitBuilder.ZERO;
    }
    return new Word(bits);
  }

  public int size() {
    return bits.length;
  }

  /** The wire (or constant) of bit {@code k}. */
  public int bit(int k) {
    return bits[k];
  }

  /** The bits as an array, least significant first. */
  public int[] bits() {
    return bits.clone();
  }

  /** True when every bit is a constant, so arithmetic on this word folds away. */
  public boolean isConstant() {
    for (int b : bits) {
      if (!CircuitBuilder.isConstant(b)) {
        return false;
      }
    }
    return true;
  }

  /** Bits {@code from} (inclusive) to {@code to} (exclusive). */
  public Word slice(int from, int to) {
    return new Word(Arrays.copyOfRange(bits, from, to));
  }

  /** This word with {@code high} above it: the result's bit {@code size()} is {@code high}'s 0. */
  public Word concat(Word high) {
    int[] joined = Arrays.copyOf(bits, bits.length + high.bits.length);
    System.arraycopy(high.bits, 0, joined, bits.length, high.bits.length);
    return new Word(joined);
  }

  /** This word widened to {@code size} bits with constant zeros above, or cut to its low bits. */
  public Word resize(int size) {
    int[] resized = Arrays.copyOf(bits, size);
    for (int k = bits.length; k < size; k++) {
      resized[k] = CircuitBuilder.ZERO;
    }
    return new Word(resized);
  }

  /** Bit {@code k} replaced by {@code bit}: how clamping pins a bit to a constant. */
  public Word withBit(int k, int bit) {
    int[] changed = bits.clone();
    changed[k] = bit;
    return new Word(changed);
  }

  /** ROTR^n of FIPS 180-4 §2.2.2: bit {@code k} of the result is bit {@code k+n mod size}. */
  public Word rotateRight(int n) {
    int[] rotated = new int[bits.length];
    for (int k = 0; k < bits.length; k++) {
      rotated[k] = bits[(k + n) % bits.length];
    }
    return new Word(rotated);
  }

  /** SHR^n of FIPS 180-4 §2.2.2: zeros shift in at the top. */
  public Word shiftRight(int n) {
    int[] shifted = new int[bits.length];
    for (int k = 0; k < bits.length; k++) {
      shifted[k] = k + n < bits.length ? bits[k + n] : CircuitBuilder.ZERO;
    }
    return new Word(shifted);
  }

  /** SHL^n: zeros shift in at the bottom, the top {@code n} bits fall off. */
  public Word shiftLeft(int n) {
    int[] shifted = new int[bits.length];
    for (int k = 0; k < bits.length; k++) {
      shifted[k] = k >= n ? bits[k - n] : CircuitBuilder.ZERO;
    }
    return new Word(shifted);
  }

  /**
   * The bytes of this word in the opposite order (bits within a byte keep theirs): turns a
   * big-endian byte string, as FIPS 180-4 reads its words, into a little-endian integer and back.
   */
  public Word reverseBytes() {
    if (bits.length % 8 != 0) {
      throw new IllegalArgumentException("not a whole number of bytes: " + bits.length + " bits");
    }
    int[] swapped = new int[bits.length];
    int bytes = bits.length / 8;
    for (int i = 0; i < bytes; i++) {
      System.arraycopy(bits, 8 * i, swapped, 8 * (bytes - 1 - i), 8);
    }
    return new Word(swapped);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Word w && Arrays.equals(bits, w.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "Word" + Arrays.toString(bits);
  }
}
