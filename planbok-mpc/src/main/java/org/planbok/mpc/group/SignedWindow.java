package org.planbok.mpc.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Variable-base scalar multiplication with a signed 4-bit fixed window: the scalar is recoded into
 * 64 digits in [−8, 8], the multiples P…8P are precomputed in cached form, and each step is four
 * doublings and one addition of a multiple selected in constant time (every entry is read, the
 * wanted one kept with a masked move, then negated under a mask).
 */
final class SignedWindow {
  static final int DIGITS = 64;
  private static final int F = X25519Field.SIZE;
  private static final int MULTIPLES = 8;

  private SignedWindow() {}

  /**
   * Recodes a 32-byte little-endian scalar below 2^255 as {@code Σ e_i·16^i} with e_i in [−8, 8)
   * for i &lt; 63 and e_63 in [0, 8] (the ref10 recoding of Bernstein et al., "High-speed
   * high-security signatures", §4).
   */
  static byte[] radix16(byte[] scalar) {
    byte[] e = new byte[DIGITS];
    for (int i = 0; i < 32; i++) {
      e[2 * i] = (byte) (scalar[i] & 15);
      e[2 * i + 1] = (byte) ((scalar[i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < DIGITS - 1; i++) {
      e[i] += carry;
      carry = (e[i] + 8) >> 4;
      e[i] -= carry << 4;
    }
    e[DIGITS - 1] += carry;
    return e;
  }

  /** {@code k·P} for a 32-byte little-endian {@code k} below 2^255 (not reduced modulo ℓ). */
  static ExtendedPoint multiply(ExtendedPoint p, byte[] k) {
    int[] table = precompute(p);
    byte[] e = radix16(k);
    Selection s = new Selection();
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = DIGITS - 1; i >= 0; i--) {
      if (i != DIGITS - 1) {
        acc.twice();
        acc.twice();
        acc.twice();
        acc.twice();
      }
      s.select(table, e[i]);
      acc.addCached(s.ypx, s.ymx, s.z2, s.t2d);
    }
    return acc;
  }

  /** P, 2P, …, 8P in cached form. */
  private static int[] precompute(ExtendedPoint p) {
    int[] table = new int[MULTIPLES * ExtendedPoint.CACHED_SIZE];
    ExtendedPoint multiple = ExtendedPoint.identity();
    for (int j = 0; j < MULTIPLES; j++) {
      multiple.add(p);
      multiple.writeCached(table, j * ExtendedPoint.CACHED_SIZE);
    }
    return table;
  }

  /** Scratch space holding one cached point picked from a table. */
  private static final class Selection {
    final int[] ypx = X25519Field.create();
    final int[] ymx = X25519Field.create();
    final int[] z2 = X25519Field.create();
    final int[] t2d = X25519Field.create();

    /** Loads digit·P for a digit in [−8, 8], reading every entry (constant time). */
    void select(int[] table, int digit) {
      int negative = digit >>> 31;
      int magnitude = (digit ^ -negative) + negative;
      X25519Field.one(ypx);
      X25519Field.one(ymx);
      X25519Field.one(z2);
      X25519Field.add(z2, z2, z2);
      X25519Field.zero(t2d);
      for (int j = 0; j < MULTIPLES; j++) {
        int cond = (((j + 1) ^ magnitude) - 1) >> 31;
        int off = j * ExtendedPoint.CACHED_SIZE;
        X25519Field.cmov(cond, table, off, ypx, 0);
        X25519Field.cmov(cond, table, off + F, ymx, 0);
        X25519Field.cmov(cond, table, off + 2 * F, z2, 0);
        X25519Field.cmov(cond, table, off + 3 * F, t2d, 0);
      }
      X25519Field.cswap(negative, ypx, ymx);
      X25519Field.cnegate(negative, t2d);
    }
  }
}
