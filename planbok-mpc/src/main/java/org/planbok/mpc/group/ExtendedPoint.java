package org.planbok.mpc.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A mutable edwards25519 point in extended coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z and xy
 * = T/Z (Hisil–Wong–Carter–Dawson 2008, "Twisted Edwards curves revisited", §3), the working
 * accumulator of the scalar multipliers. Formulas are for a = −1 (RFC 8032 §5.1.4) and are complete
 * on edwards25519, so no input needs a special case.
 *
 * <p>Limbs follow BouncyCastle's {@link X25519Field} (ten signed 25/26-bit limbs): a product may
 * take the sum or difference of two products without a carry; longer sums are carried first.
 *
 * <p>Two precomputed forms speed up additions: a <em>cached</em> point (Y+X, Y−X, 2Z, 2d·T) of four
 * field elements and an affine <em>Niels</em> point (y+x, y−x, 2d·xy) of three.
 */
final class ExtendedPoint {
  static final int CACHED_SIZE = 4 * X25519Field.SIZE;
  static final int NIELS_SIZE = 3 * X25519Field.SIZE;
  private static final int F = X25519Field.SIZE;

  final int[] x = X25519Field.create();
  final int[] y = X25519Field.create();
  final int[] z = X25519Field.create();
  final int[] t = X25519Field.create();

  private final int[] a = X25519Field.create();
  private final int[] b = X25519Field.create();
  private final int[] c = X25519Field.create();
  private final int[] d = X25519Field.create();

  static ExtendedPoint identity() {
    ExtendedPoint p = new ExtendedPoint();
    p.setIdentity();
    return p;
  }

  void setIdentity() {
    X25519Field.zero(x);
    X25519Field.one(y);
    X25519Field.one(z);
    X25519Field.zero(t);
  }

  void set(int[] px, int[] py, int[] pz, int[] pt) {
    X25519Field.copy(px, 0, x, 0);
    X25519Field.copy(py, 0, y, 0);
    X25519Field.copy(pz, 0, z, 0);
    X25519Field.copy(pt, 0, t, 0);
  }

  /** dbl-2008-hwcd with a = −1, signs folded: 4M + 4S. */
  void twice() {
    X25519Field.add(x, y, d);
    X25519Field.sqr(x, a);
    X25519Field.sqr(y, b);
    X25519Field.sqr(z, c);
    X25519Field.add(c, c, c);
    X25519Field.sqr(d, d);
    // h = A + B, g = A − B, e = h − (X+Y)², f = 2Z² + g
    int[] h = x;
    int[] g = y;
    X25519Field.apm(a, b, h, g);
    X25519Field.sub(h, d, d);
    X25519Field.carry(d);
    X25519Field.add(c, g, c);
    X25519Field.carry(c);
    X25519Field.mul(d, h, t);
    X25519Field.mul(h, g, a);
    X25519Field.mul(d, c, x);
    X25519Field.mul(c, g, z);
    X25519Field.copy(a, 0, y, 0);
  }

  /** this += q (q may be this). */
  void add(ExtendedPoint q) {
    int[] ypx = X25519Field.create();
    int[] ymx = X25519Field.create();
    int[] z2 = X25519Field.create();
    int[] t2d = X25519Field.create();
    X25519Field.apm(q.y, q.x, ypx, ymx);
    X25519Field.add(q.z, q.z, z2);
    X25519Field.mul(q.t, Ed25519Constants.D2, t2d);
    addCached(ypx, ymx, z2, t2d);
  }

  /** this = −this: (−X, Y, Z, −T). */
  void negate() {
    X25519Field.negate(x, x);
    X25519Field.negate(t, t);
  }

  /** add-2008-hwcd-3 with the second operand in cached form (Y+X, Y−X, 2Z, 2d·T): 8M. */
  void addCached(int[] ypx, int[] ymx, int[] z2, int[] t2d) {
    X25519Field.apm(y, x, b, a);
    X25519Field.mul(a, ymx, a);
    X25519Field.mul(b, ypx, b);
    X25519Field.mul(t, t2d, c);
    X25519Field.mul(z, z2, d);
    finish();
  }

  /** add-2008-hwcd-3 with the second operand affine in Niels form (y+x, y−x, 2d·xy): 7M. */
  void addNiels(int[] ypx, int[] ymx, int[] xy2d) {
    X25519Field.apm(y, x, b, a);
    X25519Field.mul(a, ymx, a);
    X25519Field.mul(b, ypx, b);
    X25519Field.mul(t, xy2d, c);
    X25519Field.add(z, z, d);
    X25519Field.carry(d);
    finish();
  }

  /** Common tail: E = B − A, F = D − C, G = D + C, H = B + A; X = EF, Y = GH, T = EH, Z = FG. */
  private void finish() {
    int[] e = x;
    int[] h = y;
    int[] f = z;
    int[] g = t;
    X25519Field.apm(b, a, h, e);
    X25519Field.apm(d, c, g, f);
    X25519Field.mul(e, h, a);
    X25519Field.mul(e, f, e);
    X25519Field.mul(h, g, h);
    X25519Field.mul(f, g, f);
    X25519Field.copy(a, 0, t, 0);
  }

  /** Writes this point's cached form (Y+X, Y−X, 2Z, 2d·T) into {@code table} at {@code off}. */
  void writeCached(int[] table, int off) {
    int[] u = X25519Field.create();
    X25519Field.add(y, x, u);
    store(u, table, off);
    X25519Field.sub(y, x, u);
    store(u, table, off + F);
    X25519Field.add(z, z, u);
    store(u, table, off + 2 * F);
    X25519Field.mul(t, Ed25519Constants.D2, u);
    store(u, table, off + 3 * F);
  }

  /** Writes this point's affine Niels form (y+x, y−x, 2d·xy) into {@code table} at {@code off}. */
  void writeNiels(int[] table, int off) {
    int[] zi = X25519Field.create();
    int[] ax = X25519Field.create();
    int[] ay = X25519Field.create();
    int[] u = X25519Field.create();
    X25519Field.invVar(z, zi);
    X25519Field.mul(x, zi, ax);
    X25519Field.mul(y, zi, ay);
    X25519Field.add(ay, ax, u);
    store(u, table, off);
    X25519Field.sub(ay, ax, u);
    store(u, table, off + F);
    X25519Field.mul(ax, ay, u);
    X25519Field.mul(u, Ed25519Constants.D2, u);
    store(u, table, off + 2 * F);
  }

  private static void store(int[] u, int[] table, int off) {
    X25519Field.normalize(u);
    X25519Field.copy(u, 0, table, off);
  }

  /** Whether this is the neutral element (0 : 1): X = 0 and Y = Z. */
  boolean isIdentity() {
    int[] u = X25519Field.create();
    X25519Field.copy(x, 0, u, 0);
    X25519Field.normalize(u);
    int[] v = X25519Field.create();
    X25519Field.sub(y, z, v);
    X25519Field.normalize(v);
    return X25519Field.isZeroVar(u) && X25519Field.isZeroVar(v);
  }
}
