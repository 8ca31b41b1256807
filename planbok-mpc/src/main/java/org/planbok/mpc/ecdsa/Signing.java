package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;

/** ECDSA arithmetic both signing parties share: r from the nonce point, low-S, recovery id. */
final class Signing {
  private Signing() {}

  /** SEC 1 §4.1.3 step 4: r = R.x mod n. */
  static BigInteger r(ECPoint bigR) {
    return bigR.normalize().getAffineXCoord().toBigInteger().mod(Secp256k1.N);
  }

  /** Bit 0: R.y odd; bit 1: R.x ≥ n (the overflow case, probability ≈ 2^-128). */
  static int recoveryId(ECPoint bigR) {
    ECPoint p = bigR.normalize();
    int id = p.getAffineYCoord().testBitZero() ? 1 : 0;
    if (p.getAffineXCoord().toBigInteger().compareTo(Secp256k1.N) >= 0) {
      id |= 2;
    }
    return id;
  }

  /** BIP 62 low-S: (r, s) and (r, n − s) both verify; the latter belongs to −R, so flip parity. */
  static EcdsaSignature lowS(BigInteger r, BigInteger s, int recoveryId) {
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      return new EcdsaSignature(r, Secp256k1.N.subtract(s), recoveryId ^ 1);
    }
    return new EcdsaSignature(r, s, recoveryId);
  }
}
