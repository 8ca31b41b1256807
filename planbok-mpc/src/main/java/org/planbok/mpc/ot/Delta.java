package org.planbok.mpc.ot;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The extension sender's secret correlation Δ ∈ {0,1}^κ: its choice bits in the κ base OTs and the
 * offset between the two pads of every extended transfer (q_j and q_j ⊕ Δ). Whoever learns Δ learns
 * both messages of every transfer, so bits are read only as masks and {@link #toString()} is
 * redacted.
 */
final class Delta {
  private final long[] bits;

  private Delta(long[] bits) {
    this.bits = bits;
  }

  static Delta random(SecureRandom random) {
    return new Delta(new long[] {random.nextLong(), random.nextLong()});
  }

  /** Columns 0–63 of a row. */
  long lo() {
    return bits[0];
  }

  /** Columns 64–127 of a row. */
  long hi() {
    return bits[1];
  }

  /** Δ_i as a bit (0 or 1). */
  int bit(int i) {
    return (int) ((bits[i >>> 6] >>> (i & 63)) & 1L);
  }

  /** All ones if Δ_i is set, zero otherwise. */
  long mask(int i) {
    return -((bits[i >>> 6] >>> (i & 63)) & 1L);
  }

  void destroy() {
    Arrays.fill(bits, 0L);
  }

  @Override
  public String toString() {
    return "Delta[redacted]";
  }
}
