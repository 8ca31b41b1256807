package org.planbok.mpc.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A prime-order group written additively, with a canonical byte encoding. Implementations reject in
 * {@link #decode} every encoding that is not canonical, not on the curve, the identity, or outside
 * the prime-order subgroup.
 *
 * @param <P> the point type
 */
public interface Group<P> {
  /** A stable name bound into every transcript, e.g. {@code secp256k1}. */
  String name();

  /** The prime order of the group (n for secp256k1, ℓ for ed25519). */
  BigInteger order();

  P generator();

  P add(P a, P b);

  P negate(P p);

  P multiply(P p, BigInteger k);

  default P multiplyGenerator(BigInteger k) {
    return multiply(generator(), k);
  }

  boolean isIdentity(P p);

  boolean same(P a, P b);

  /** The canonical encoding (33-byte compressed for secp256k1, 32 bytes for ed25519). */
  byte[] encode(P p);

  /**
   * Decodes a point received from outside; aborts with {@link AbortReason#INVALID_POINT} unless the
   * encoding is canonical and the point is a non-identity element of the prime-order group.
   */
  P decode(byte[] encoded);

  /** A uniform scalar in [1, order). */
  default BigInteger randomScalar(SecureRandom random) {
    BigInteger n = order();
    BigInteger k;
    do {
      k = new BigInteger(n.bitLength() + 64, random).mod(n);
    } while (k.signum() == 0);
    return k;
  }

  /** Checks a scalar received from outside lies in [0, order); aborts otherwise. */
  default BigInteger requireScalar(BigInteger s, String what) {
    if (s == null || s.signum() < 0 || s.compareTo(order()) >= 0) {
      throw new ProtocolAbort(
          AbortReason.INVALID_SCALAR, what + " is not a scalar below the order");
    }
    return s;
  }

  /** Checks a scalar received from outside lies in [1, order); aborts otherwise. */
  default BigInteger requireNonZeroScalar(BigInteger s, String what) {
    requireScalar(s, what);
    if (s.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, what + " is zero");
    }
    return s;
  }
}
