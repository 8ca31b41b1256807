package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.transcript.Transcript;

/**
 * Pedersen commitments {@code v·G + s·H} on NIST P-384 (prime order ω ≈ 2^384), with H hashed to
 * the curve by try-and-increment from a fixed label, so nobody knows log_G(H). The prime order is
 * what {@link PaillierDlogProof} needs: unlike Paillier's Z*_{N²}, whose order P1 knows, a value
 * committed here is bound as an integer once it is shown to lie in a range far below ω/2 (cb-mpc's
 * "Paillier range exp slack" uses a safe-prime group for the same purpose; an elliptic curve makes
 * each commitment about ten times cheaper).
 */
final class PedersenGroup {
  static final PedersenGroup INSTANCE = new PedersenGroup();

  static final String NAME = "secp384r1";
  static final int ENCODED_LENGTH = 49;

  private final ECCurve curve;
  private final BigInteger order;
  private final ECPoint g;
  private final ECPoint h;
  private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();

  private PedersenGroup() {
    X9ECParameters params = CustomNamedCurves.getByName(NAME);
    this.curve = params.getCurve();
    this.order = params.getN();
    this.g = params.getG();
    this.h = hashToCurve("planbok/pedersen/H");
  }

  /** Try-and-increment: the first x = H(label, counter) that is the abscissa of a curve point. */
  private ECPoint hashToCurve(String label) {
    BigInteger p = curve.getField().getCharacteristic();
    for (int counter = 0; ; counter++) {
      byte[] x = Transcript.start("zk/pedersen").append(label, counter).expand("x", 48);
      if (new BigInteger(1, x).compareTo(p) >= 0) {
        continue;
      }
      byte[] encoded = new byte[ENCODED_LENGTH];
      encoded[0] = 0x02;
      System.arraycopy(x, 0, encoded, 1, 48);
      try {
        return curve.decodePoint(encoded).normalize();
      } catch (IllegalArgumentException notOnCurve) {
        // next counter
      }
    }
  }

  BigInteger order() {
    return order;
  }

  ECPoint h() {
    return h;
  }

  /** value·G + blind·H, both scalars reduced mod ω. */
  ECPoint commit(BigInteger value, BigInteger blind) {
    ECPoint a = comb.multiply(g, value.mod(order));
    ECPoint b = comb.multiply(h, blind.mod(order));
    return a.add(b).normalize();
  }

  ECPoint add(ECPoint a, ECPoint b) {
    return a.add(b).normalize();
  }

  ECPoint multiply(ECPoint p, BigInteger k) {
    return p.multiply(k.mod(order)).normalize();
  }

  byte[] encode(ECPoint p) {
    return p.getEncoded(true);
  }

  /** Strict decoding: compressed, canonical, on the curve, not the identity. */
  ECPoint decode(byte[] encoded) {
    if (encoded == null || encoded.length != ENCODED_LENGTH) {
      throw invalid();
    }
    ECPoint p;
    try {
      p = curve.decodePoint(encoded).normalize();
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (p.isInfinity() || !p.isValid() || !Arrays.equals(p.getEncoded(true), encoded)) {
      throw invalid();
    }
    return p;
  }

  private static ProtocolAbort invalid() {
    return new ProtocolAbort(AbortReason.INVALID_POINT, "not a canonical P-384 point");
  }
}
