package org.planbok.it;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The ed25519 public key of a bare scalar, computed without Planbok's code: BouncyCastle's
 * Curve25519 arithmetic (short Weierstrass form) and the birational map of RFC 7748 §4.1 to the
 * twisted Edwards curve, then RFC 8032 §5.1.2 encoding. The square root in the map is the one that
 * sends BouncyCastle's generator to RFC 8032's base point.
 */
final class Ed25519Scalars {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("curve25519");
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger A = BigInteger.valueOf(486662);
  private static final String BASE_POINT =
      "5866666666666666666666666666666666666666666666666666666666666666";
  private static final BigInteger ROOT = root();

  private Ed25519Scalars() {}

  /** The 32-byte public key of the little-endian scalar. */
  static byte[] publicKey(byte[] scalarLittleEndian) {
    byte[] be = reversed(scalarLittleEndian);
    return encode(CURVE.getG().multiply(new BigInteger(1, be)).normalize(), ROOT);
  }

  private static BigInteger root() {
    BigInteger minus = P.subtract(BigInteger.valueOf(486664));
    BigInteger r = minus.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!r.multiply(r).mod(P).equals(minus)) {
      r = r.multiply(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P)).mod(P);
    }
    for (BigInteger candidate : new BigInteger[] {r, P.subtract(r)}) {
      if (HexFormat.of()
          .formatHex(encode(CURVE.getG().normalize(), candidate))
          .equals(BASE_POINT)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no square root maps the generator to the base point");
  }

  private static byte[] encode(ECPoint w, BigInteger root) {
    BigInteger u =
        w.getAffineXCoord()
            .toBigInteger()
            .subtract(A.multiply(BigInteger.valueOf(3).modInverse(P)))
            .mod(P);
    BigInteger v = w.getAffineYCoord().toBigInteger();
    BigInteger y = u.subtract(BigInteger.ONE).multiply(u.add(BigInteger.ONE).modInverse(P)).mod(P);
    BigInteger x = root.multiply(u).multiply(v.modInverse(P)).mod(P);
    byte[] out = reversed(toFixed(y));
    if (x.testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  private static byte[] toFixed(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, raw.length);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] reversed(byte[] b) {
    byte[] out = Arrays.copyOf(b, b.length);
    for (int i = 0; i < out.length / 2; i++) {
      byte t = out[i];
      out[i] = out[out.length - 1 - i];
      out[out.length - 1 - i] = t;
    }
    return out;
  }
}
