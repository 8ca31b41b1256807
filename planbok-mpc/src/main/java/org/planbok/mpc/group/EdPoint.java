package org.planbok.mpc.group;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * An immutable point of edwards25519 in extended coordinates (RFC 8032 §5.1.4). Obtain points from
 * {@link Ed25519}: its {@code decode} is the only way in from outside and admits only elements of
 * the prime-order subgroup. Equality is equality of the group elements, whatever the coordinates.
 */
public final class EdPoint {
  private static final byte[] SIGN_CLEARED_P = {
    (byte) 0xed,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    -1,
    0x7f
  };

  private final int[] x = X25519Field.create();
  private final int[] y = X25519Field.create();
  private final int[] z = X25519Field.create();
  private final int[] t = X25519Field.create();
  private volatile byte[] encoding;

  EdPoint(ExtendedPoint p) {
    X25519Field.copy(p.x, 0, x, 0);
    X25519Field.copy(p.y, 0, y, 0);
    X25519Field.copy(p.z, 0, z, 0);
    X25519Field.copy(p.t, 0, t, 0);
  }

  /** A fresh mutable copy for the multipliers. */
  ExtendedPoint toExtended() {
    ExtendedPoint p = new ExtendedPoint();
    p.set(x, y, z, t);
    return p;
  }

  /** RFC 8032 §5.1.2: y little-endian with the low bit of x in the top bit; 32 bytes. */
  public byte[] encode() {
    byte[] e = encoding;
    if (e == null) {
      int[] zi = X25519Field.create();
      int[] ax = X25519Field.create();
      int[] ay = X25519Field.create();
      X25519Field.invVar(z, zi);
      X25519Field.mul(x, zi, ax);
      X25519Field.mul(y, zi, ay);
      X25519Field.normalize(ax);
      X25519Field.normalize(ay);
      e = new byte[32];
      X25519Field.encode(ay, e, 0);
      e[31] |= (byte) ((ax[0] & 1) << 7);
      encoding = e;
    }
    return e.clone();
  }

  /**
   * RFC 8032 §5.1.3 decoding: returns the point, or {@code null} when y is not below p, no x solves
   * the curve equation, or x = 0 comes with the sign bit set. Does not check the subgroup.
   */
  static EdPoint decompress(byte[] encoded) {
    if (encoded == null || encoded.length != 32 || !canonicalY(encoded)) {
      return null;
    }
    int sign = (encoded[31] >>> 7) & 1;
    ExtendedPoint p = new ExtendedPoint();
    X25519Field.decode255(encoded, 0, p.y, 0);
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    X25519Field.sqr(p.y, u);
    X25519Field.mul(u, Ed25519Constants.D, v);
    X25519Field.subOne(u); // u = y² − 1
    X25519Field.addOne(v); // v = d·y² + 1
    if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
      return null;
    }
    X25519Field.normalize(p.x);
    if (X25519Field.isZeroVar(p.x) && sign == 1) {
      return null;
    }
    if ((p.x[0] & 1) != sign) {
      X25519Field.negate(p.x, p.x);
      X25519Field.normalize(p.x);
    }
    X25519Field.one(p.z);
    X25519Field.mul(p.x, p.y, p.t);
    return new EdPoint(p);
  }

  /** Whether the 255-bit y (sign bit cleared) is below p = 2^255 − 19. */
  private static boolean canonicalY(byte[] encoded) {
    for (int i = 31; i >= 0; i--) {
      int b = (i == 31 ? encoded[i] & 0x7f : encoded[i] & 0xff);
      int pb = SIGN_CLEARED_P[i] & 0xff;
      if (b != pb) {
        return b < pb;
      }
    }
    return false;
  }

  /** Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1. */
  boolean sameAs(EdPoint o) {
    return crossEqual(x, o.z, o.x, z) && crossEqual(y, o.z, o.y, z);
  }

  private static boolean crossEqual(int[] a, int[] b, int[] c, int[] d) {
    int[] l = X25519Field.create();
    int[] r = X25519Field.create();
    X25519Field.mul(a, b, l);
    X25519Field.mul(c, d, r);
    X25519Field.sub(l, r, l);
    X25519Field.normalize(l);
    return X25519Field.isZeroVar(l);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EdPoint other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "EdPoint[" + HexFormat.of().formatHex(encode()) + "]";
  }
}
