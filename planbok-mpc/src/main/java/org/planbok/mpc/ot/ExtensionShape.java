package org.planbok.mpc.ot;

import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * The sizes of one OT extension of {@code count} transfers (KOS15, revised, §4 Fig. 10). The
 * extension matrix has {@link #KAPPA} columns, one per base OT, of {@link #total()} bits: the
 * caller's transfers rounded up to whole 128-bit blocks, then one more block of random choices that
 * masks the check value x̃ and is thrown away with the padding.
 *
 * @param count the transfers the caller asked for, 1 to {@link #MAX_COUNT}
 */
record ExtensionShape(int count) {
  /** κ, the computational security parameter: base OTs, matrix columns, bits of Δ. */
  static final int KAPPA = 128;

  /** Bits in a block of a column, the size of a GF(2^128) element. */
  static final int BLOCK = 128;

  /**
   * An upper bound that keeps a hostile count from allocating without limit: the matrix is then
   * about 1 MiB. Planbok's circuits need a few hundred transfers a direction.
   */
  static final int MAX_COUNT = 1 << 16;

  ExtensionShape {
    if (count < 1 || count > MAX_COUNT) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "OT count must be between 1 and " + MAX_COUNT);
    }
  }

  /** Blocks carrying real or padding transfers: m, the number of challenges χ_b. */
  int blocks() {
    return (count + BLOCK - 1) / BLOCK;
  }

  /** n' = 128·(m + 1): every transfer the matrix holds, the masking block included. */
  int total() {
    return (blocks() + 1) * BLOCK;
  }

  /** Longs in one column. */
  int words() {
    return total() / 64;
  }

  /** Bytes in one column on the wire. */
  int columnBytes() {
    return total() / 8;
  }

  /** Bytes of the whole matrix u on the wire. */
  int matrixBytes() {
    return KAPPA * columnBytes();
  }
}
