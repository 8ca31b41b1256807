package org.planbok.mpc.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Fixed-base multiplication k·B with a precomputed table, as in ref10 (Bernstein et al.,
 * "High-speed high-security signatures", §4): with k = Σ e_i·16^i (signed digits in [−8, 8]) and
 * the table T[m][j] = (j+1)·256^m·B for m &lt; 32, j &lt; 8 in affine Niels form,
 *
 * <pre>k·B = 16·Σ_{i odd} e_i·T[(i−1)/2] + Σ_{i even} e_i·T[i/2]</pre>
 *
 * costs 64 mixed additions and 4 doublings. Entries are selected in constant time. The table (256
 * points, 30 KB) is built once, when the class loads.
 */
final class BaseComb {
  private static final int F = X25519Field.SIZE;
  private static final int BLOCKS = 32;
  private static final int MULTIPLES = 8;
  private static final int[] TABLE = build(EdPoint.decompress(baseEncoding()));

  private BaseComb() {}

  static byte[] baseEncoding() {
    return java.util.HexFormat.of().parseHex(Ed25519Constants.BASE_POINT_HEX);
  }

  /** {@code k·B} for a 32-byte little-endian {@code k} below 2^255. */
  static ExtendedPoint multiply(byte[] k) {
    byte[] e = SignedWindow.radix16(k);
    Selection s = new Selection();
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = 1; i < SignedWindow.DIGITS; i += 2) {
      s.select(i / 2, e[i]);
      acc.addNiels(s.ypx, s.ymx, s.xy2d);
    }
    acc.twice();
    acc.twice();
    acc.twice();
    acc.twice();
    for (int i = 0; i < SignedWindow.DIGITS; i += 2) {
      s.select(i / 2, e[i]);
      acc.addNiels(s.ypx, s.ymx, s.xy2d);
    }
    return acc;
  }

  private static int[] build(EdPoint base) {
    int[] table = new int[BLOCKS * MULTIPLES * ExtendedPoint.NIELS_SIZE];
    ExtendedPoint blockBase = base.toExtended();
    for (int m = 0; m < BLOCKS; m++) {
      ExtendedPoint multiple = ExtendedPoint.identity();
      for (int j = 0; j < MULTIPLES; j++) {
        multiple.add(blockBase);
        multiple.writeNiels(table, (m * MULTIPLES + j) * ExtendedPoint.NIELS_SIZE);
      }
      for (int d = 0; d < 8; d++) {
        blockBase.twice();
      }
    }
    return table;
  }

  /** Scratch space holding one Niels point picked from the table. */
  private static final class Selection {
    final int[] ypx = X25519Field.create();
    final int[] ymx = X25519Field.create();
    final int[] xy2d = X25519Field.create();

    /** Loads digit·256^block·B for a digit in [−8, 8], reading all 8 entries of the block. */
    void select(int block, int digit) {
      int negative = digit >>> 31;
      int magnitude = (digit ^ -negative) + negative;
      X25519Field.one(ypx);
      X25519Field.one(ymx);
      X25519Field.zero(xy2d);
      int base = block * MULTIPLES * ExtendedPoint.NIELS_SIZE;
      for (int j = 0; j < MULTIPLES; j++) {
        int cond = (((j + 1) ^ magnitude) - 1) >> 31;
        int off = base + j * ExtendedPoint.NIELS_SIZE;
        X25519Field.cmov(cond, TABLE, off, ypx, 0);
        X25519Field.cmov(cond, TABLE, off + F, ymx, 0);
        X25519Field.cmov(cond, TABLE, off + 2 * F, xy2d, 0);
      }
      X25519Field.cswap(negative, ypx, ymx);
      X25519Field.cnegate(negative, xy2d);
    }
  }
}
