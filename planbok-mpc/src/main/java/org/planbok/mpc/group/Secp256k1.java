package org.planbok.mpc.group;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/** secp256k1 (SEC 2 §2.4.1) on BouncyCastle's constant-time custom curve implementation. */
public final class Secp256k1 implements Group<ECPoint> {
  public static final Secp256k1 INSTANCE = new Secp256k1();

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  public static final BigInteger N = PARAMS.getN();
  public static final BigInteger HALF_N = N.shiftRight(1);

  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger P = CURVE.getField().getCharacteristic();
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private Secp256k1() {}

  @Override
  public String name() {
    return "secp256k1";
  }

  @Override
  public BigInteger order() {
    return N;
  }

  @Override
  public ECPoint generator() {
    return G;
  }

  @Override
  public ECPoint add(ECPoint a, ECPoint b) {
    return a.add(b).normalize();
  }

  @Override
  public ECPoint negate(ECPoint p) {
    return p.negate().normalize();
  }

  @Override
  public ECPoint multiply(ECPoint p, BigInteger k) {
    return p.multiply(k.mod(N)).normalize();
  }

  @Override
  public ECPoint multiplyGenerator(BigInteger k) {
    return baseMultiplier.multiply(G, k.mod(N)).normalize();
  }

  @Override
  public boolean isIdentity(ECPoint p) {
    return p.isInfinity();
  }

  @Override
  public boolean same(ECPoint a, ECPoint b) {
    return a.equals(b);
  }

  /** SEC 1 §2.3.3 compressed encoding, 33 bytes. */
  @Override
  public byte[] encode(ECPoint p) {
    if (p.isInfinity()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "the identity has no encoding here");
    }
    return p.getEncoded(true);
  }

  /** SEC 1 §2.3.4, restricted to compressed points with x below the field prime. */
  @Override
  public ECPoint decode(byte[] encoded) {
    if (encoded == null || encoded.length != 33 || (encoded[0] != 2 && encoded[0] != 3)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "expected a 33-byte compressed point");
    }
    byte[] x = new byte[32];
    System.arraycopy(encoded, 1, x, 0, 32);
    if (new BigInteger(1, x).compareTo(P) >= 0) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "x coordinate is not below the prime");
    }
    ECPoint point;
    try {
      point = CURVE.decodePoint(encoded).normalize();
    } catch (IllegalArgumentException e) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "x is not the abscissa of a curve point");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "point is not on secp256k1");
    }
    return point;
  }

  /** 32-byte big-endian encoding of a scalar below the order. */
  public static byte[] scalarBytes(BigInteger s) {
    byte[] out = new byte[32];
    byte[] b = s.toByteArray();
    int copy = Math.min(b.length, 32);
    System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
    return out;
  }
}
