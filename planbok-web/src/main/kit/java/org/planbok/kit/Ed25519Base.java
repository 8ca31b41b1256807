package org.planbok.kit;

import java.math.BigInteger;

/**
 * The one ed25519 operation the kit needs: {@code a·B} for an opened scalar, encoded as RFC 8032
 * §5.1.2 does, to check it against the wallet's public key. Extended coordinates and the addition
 * law of RFC 8032 §5.1.4 over BigInteger: simple and slow (a few milliseconds), and, like all
 * BigInteger arithmetic, not constant-time; it runs once per export on the customer's device.
 */
final class Ed25519Base {
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger BX =
      new BigInteger(
          "15112221349535400772501151409588531511454012693041857206046113283949847762202");
  private static final BigInteger BY =
      new BigInteger(
          "46316835694926478169428394003475163141307993866256225615783033603165251855960");

  private Ed25519Base() {}

  /** The 32-byte encoding of a·B for a scalar 0 < a < ℓ. */
  static byte[] multiply(BigInteger a) {
    BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    BigInteger[] b = {BX, BY, BigInteger.ONE, BX.multiply(BY).mod(P)};
    for (int i = a.bitLength() - 1; i >= 0; i--) {
      r = add(r, r);
      if (a.testBit(i)) {
        r = add(r, b);
      }
    }
    return encode(r);
  }

  // RFC 8032 §5.1.4, extended homogeneous coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z
  private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
    BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
    BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
    BigInteger c = p[3].multiply(D2).multiply(q[3]).mod(P);
    BigInteger d = p[2].shiftLeft(1).multiply(q[2]).mod(P);
    BigInteger e = b.subtract(a);
    BigInteger f = d.subtract(c);
    BigInteger g = d.add(c);
    BigInteger h = b.add(a);
    return new BigInteger[] {
      e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P)
    };
  }

  // RFC 8032 §5.1.2: y little-endian, the top bit of the last byte the low bit of x
  private static byte[] encode(BigInteger[] p) {
    BigInteger zInv = p[2].modInverse(P);
    BigInteger x = p[0].multiply(zInv).mod(P);
    BigInteger y = p[1].multiply(zInv).mod(P);
    byte[] out = KeyForms.littleEndian32(y);
    if (x.testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }
}
