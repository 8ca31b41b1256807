package org.planbok.mpc.group;

import java.math.BigInteger;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * The prime-order subgroup of edwards25519 (RFC 8032 §5.1), written additively, on BouncyCastle's
 * {@code X25519Field} arithmetic. Points are {@link EdPoint}s in extended coordinates; scalars are
 * integers modulo ℓ, encoded on the wire as 32 bytes little-endian (RFC 8032 §5.1.2).
 *
 * <p>{@link #decode} is strict: it accepts only the canonical encoding of a point of order exactly
 * ℓ, so a peer cannot send a point with a small-order component that would leak bits of a scalar or
 * let two encodings name one key.
 */
public final class Ed25519 implements Group<EdPoint> {
  public static final Ed25519 INSTANCE = new Ed25519();

  /** ℓ, the order of the base point. */
  public static final BigInteger L = Ed25519Constants.L;

  public static final int POINT_BYTES = 32;
  public static final int SCALAR_BYTES = 32;

  private static final EdPoint BASE = EdPoint.decompress(BaseComb.baseEncoding());
  private static final byte[] ORDER_BYTES = Ed25519Constants.littleEndian(L);

  private Ed25519() {}

  @Override
  public String name() {
    return "ed25519";
  }

  @Override
  public BigInteger order() {
    return L;
  }

  @Override
  public EdPoint generator() {
    return BASE;
  }

  @Override
  public EdPoint add(EdPoint a, EdPoint b) {
    ExtendedPoint acc = a.toExtended();
    acc.add(b.toExtended());
    return new EdPoint(acc);
  }

  @Override
  public EdPoint negate(EdPoint p) {
    ExtendedPoint e = p.toExtended();
    e.negate();
    return new EdPoint(e);
  }

  @Override
  public EdPoint multiply(EdPoint p, BigInteger k) {
    return new EdPoint(SignedWindow.multiply(p.toExtended(), scalarBytes(k.mod(L))));
  }

  /** k·B from the precomputed table (constant-time table selection). */
  @Override
  public EdPoint multiplyGenerator(BigInteger k) {
    return new EdPoint(BaseComb.multiply(scalarBytes(k.mod(L))));
  }

  @Override
  public boolean isIdentity(EdPoint p) {
    return p.toExtended().isIdentity();
  }

  @Override
  public boolean same(EdPoint a, EdPoint b) {
    return a.sameAs(b);
  }

  /** RFC 8032 §5.1.2 encoding, 32 bytes. The identity has an encoding but no use here. */
  @Override
  public byte[] encode(EdPoint p) {
    return p.encode();
  }

  /**
   * RFC 8032 §5.1.3 decoding plus the checks a protocol needs: rejects a y not below p, x = 0 with
   * the sign bit set, points off the curve, the identity, points of small order (8·P = 0) and
   * points outside the prime-order subgroup (ℓ·P ≠ 0).
   */
  @Override
  public EdPoint decode(byte[] encoded) {
    if (encoded == null || encoded.length != POINT_BYTES) {
      throw invalid("expected a 32-byte point");
    }
    EdPoint p = EdPoint.decompress(encoded);
    if (p == null) {
      throw invalid("not the canonical encoding of a point on edwards25519");
    }
    ExtendedPoint e = p.toExtended();
    if (e.isIdentity()) {
      throw invalid("the identity is not acceptable");
    }
    e.twice();
    e.twice();
    e.twice();
    if (e.isIdentity()) {
      throw invalid("point of small order");
    }
    if (!SignedWindow.multiply(p.toExtended(), ORDER_BYTES).isIdentity()) {
      throw invalid("point outside the prime-order subgroup");
    }
    return p;
  }

  /**
   * Decodes any canonical curve point, including the identity and points of small or mixed order.
   * Only for tests and for building hostile inputs; protocols use {@link #decode}.
   */
  EdPoint decodeAnyCurvePoint(byte[] encoded) {
    EdPoint p = EdPoint.decompress(encoded);
    if (p == null) {
      throw invalid("not the canonical encoding of a point on edwards25519");
    }
    return p;
  }

  /** The 32-byte little-endian encoding of a scalar in [0, ℓ) (RFC 8032 §5.1.2). */
  public static byte[] scalarBytes(BigInteger s) {
    if (s.signum() < 0 || s.compareTo(L) >= 0) {
      throw new IllegalArgumentException("scalar out of range");
    }
    return Ed25519Constants.littleEndian(s);
  }

  /**
   * Reads a 32-byte little-endian scalar received from outside; aborts with {@link
   * AbortReason#INVALID_SCALAR} unless it is below ℓ (RFC 8032 §5.1.7 requires s &lt; ℓ).
   */
  public static BigInteger scalarFromBytes(byte[] le, String what) {
    if (le == null || le.length != SCALAR_BYTES) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, what + " must be 32 bytes");
    }
    BigInteger s = littleEndianInteger(le);
    if (s.compareTo(L) >= 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, what + " is not below the order");
    }
    return s;
  }

  /** A little-endian byte string of any length (a SHA-512 output) reduced modulo ℓ. */
  public static BigInteger reduce(byte[] le) {
    return littleEndianInteger(le).mod(L);
  }

  private static BigInteger littleEndianInteger(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  private static ProtocolAbort invalid(String detail) {
    return new ProtocolAbort(AbortReason.INVALID_POINT, detail);
  }
}
