package org.planbok.mpc.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/** The edwards25519 parameters of RFC 8032 §5.1, as integers and as field-element limbs. */
final class Ed25519Constants {
  /** p = 2^255 − 19. */
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** ℓ = 2^252 + 27742317777372353535851937790883648493, the order of the base point. */
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** d = −121665/121666 mod p. */
  static final BigInteger D_INTEGER =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

  static final int[] D = limbs(D_INTEGER);
  static final int[] D2 = limbs(D_INTEGER.shiftLeft(1).mod(P));

  /** The encoding of the base point B = (x, 4/5) with x even, RFC 8032 §5.1. */
  static final String BASE_POINT_HEX =
      "5866666666666666666666666666666666666666666666666666666666666666";

  private Ed25519Constants() {}

  /** The field element of an integer in [0, p). */
  static int[] limbs(BigInteger v) {
    int[] out = X25519Field.create();
    X25519Field.decode255(littleEndian(v), out);
    return out;
  }

  /** 32-byte little-endian encoding of an integer in [0, 2^256). */
  static byte[] littleEndian(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
