package org.planbok.mpc.zk;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.zk.PaillierDlogProof.LinkRound;
import org.planbok.mpc.zk.PaillierDlogProof.RangeRound;

/** The verifier's per-round checks of {@link PaillierDlogProof}; each failure is BAD_PROOF. */
final class PdlChecks {
  private static final PedersenGroup PED = PedersenGroup.INSTANCE;
  private static final BigInteger RANGE_BOUND =
      BigInteger.ONE.shiftLeft(PaillierDlogProof.RANGE_BITS);
  private static final BigInteger LINK_BOUND =
      BigInteger.ONE.shiftLeft(PaillierDlogProof.LINK_BITS);

  private final PaillierPublicKey pk;
  private final BigInteger cKey;
  private final ECPoint q;
  private final ECPoint commitment;

  PdlChecks(PaillierPublicKey pk, BigInteger cKey, ECPoint q, ECPoint commitment) {
    this.pk = pk;
    this.cKey = cKey;
    this.q = q;
    this.commitment = commitment;
  }

  /** Bit 0: W opens to a value in range. Bit 1: W + C opens to a value in range. */
  void range(RangeRound round, boolean bit, int j) {
    requireBelow(round.value(), RANGE_BOUND, "range value " + j);
    requireBelow(round.blind(), PED.order(), "range blind " + j);
    ECPoint expected = bit ? PED.add(round.mask(), commitment) : round.mask();
    if (!PED.commit(round.value(), round.blind()).equals(expected)) {
      throw PaillierDlogProof.bad("range round " + j + " does not open");
    }
  }

  /** Enc(d; u) = c̃·c_key^e, d·G' + g·H' = P̃ + e·C, d·G = R̃ + e·Q. */
  void link(LinkRound round, BigInteger e, int i) {
    BigInteger n = pk.modulus();
    BigInteger n2 = pk.modulusSquared();
    BigInteger d = requireBelow(round.value(), LINK_BOUND, "link response " + i);
    requireBelow(round.blind(), PED.order(), "link blind " + i);
    BigInteger u = requireBelow(round.randomness(), n, "link randomness " + i);
    BigInteger cipher = requireBelow(round.cipher(), n2, "link ciphertext " + i);
    if (u.signum() == 0 || cipher.signum() == 0 || !cipher.gcd(n).equals(BigInteger.ONE)) {
      throw PaillierDlogProof.bad("link round " + i + " has a non-unit");
    }
    if (!pk.encrypt(d, u).equals(cipher.multiply(cKey.modPow(e, n2)).mod(n2))) {
      throw PaillierDlogProof.bad("link round " + i + " fails the Paillier check");
    }
    ECPoint pedersen = PED.add(round.pedersen(), PED.multiply(commitment, e));
    if (!PED.commit(d, round.blind()).equals(pedersen)) {
      throw PaillierDlogProof.bad("link round " + i + " fails the commitment check");
    }
    Secp256k1 curve = Secp256k1.INSTANCE;
    ECPoint lhs = curve.multiplyGenerator(d.mod(Secp256k1.N));
    ECPoint rhs = curve.add(round.point(), curve.multiply(q, e));
    if (!curve.same(lhs, rhs)) {
      throw PaillierDlogProof.bad("link round " + i + " fails the discrete-log check");
    }
  }

  private static BigInteger requireBelow(BigInteger v, BigInteger bound, String what) {
    if (v.signum() < 0 || v.compareTo(bound) >= 0) {
      throw PaillierDlogProof.bad(what + " out of range");
    }
    return v;
  }
}
