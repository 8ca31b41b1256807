package org.planbok.mpc.zk;

import java.math.BigInteger;
import org.planbok.mpc.paillier.PaillierSecretKey;

/**
 * The prover's side of the modulus proofs: roots modulo N = p·q computed prime by prime and joined
 * with the Chinese remainder theorem, so each costs two half-size exponentiations.
 */
final class BlumFactors {
  private static final BigInteger FOUR = BigInteger.valueOf(4);

  private final BigInteger p;
  private final BigInteger q;
  private final BigInteger n;
  private final BigInteger qInvP;
  private final BigInteger fourthP;
  private final BigInteger fourthQ;
  private final BigInteger nthP;
  private final BigInteger nthQ;
  private final BigInteger pSquared;
  private final BigInteger qSquared;
  private final BigInteger qSquaredInvPSquared;

  BlumFactors(PaillierSecretKey sk) {
    this.p = sk.p();
    this.q = sk.q();
    this.n = p.multiply(q);
    this.qInvP = q.modInverse(p);
    this.fourthP = fourthRootExponent(p);
    this.fourthQ = fourthRootExponent(q);
    this.nthP = n.modInverse(p.subtract(BigInteger.ONE));
    this.nthQ = n.modInverse(q.subtract(BigInteger.ONE));
    this.pSquared = p.multiply(p);
    this.qSquared = q.multiply(q);
    this.qSquaredInvPSquared = qSquared.modInverse(pSquared);
  }

  /** ((p+1)/4)² mod (p−1): raising a quadratic residue to it gives its fourth root that is a QR. */
  private static BigInteger fourthRootExponent(BigInteger prime) {
    BigInteger half = prime.add(BigInteger.ONE).divide(FOUR);
    return half.multiply(half).mod(prime.subtract(BigInteger.ONE));
  }

  BigInteger modulus() {
    return n;
  }

  /** A pair of residues (mod p, mod q) of a fourth root candidate y^k, with its Legendre signs. */
  record Candidate(BigInteger rootP, BigInteger rootQ, int legendreP, int legendreQ) {}

  /**
   * t = y^k mod p satisfies t⁴ = (y/p)·y (mod p) whatever y's residuosity, because (−1)^(4k) = 1;
   * comparing t⁴ with y reveals the Legendre symbol without a second exponentiation.
   */
  Candidate candidate(BigInteger y) {
    BigInteger tp = y.mod(p).modPow(fourthP, p);
    BigInteger tq = y.mod(q).modPow(fourthQ, q);
    int lp = tp.modPow(FOUR, p).equals(y.mod(p)) ? 1 : -1;
    int lq = tq.modPow(FOUR, q).equals(y.mod(q)) ? 1 : -1;
    return new Candidate(tp, tq, lp, lq);
  }

  /** Parity of the fourth-root exponent mod p and mod q: (−1)^k flips the sign of a root. */
  boolean oddExponentP() {
    return fourthP.testBit(0);
  }

  boolean oddExponentQ() {
    return fourthQ.testBit(0);
  }

  BigInteger p() {
    return p;
  }

  BigInteger q() {
    return q;
  }

  /** The unique x in Z_N with x ≡ a (mod p) and x ≡ b (mod q) (Garner). */
  BigInteger join(BigInteger a, BigInteger b) {
    BigInteger h = a.subtract(b).multiply(qInvP).mod(p);
    return b.add(q.multiply(h));
  }

  /** The N-th root of a unit y modulo N: y^(N⁻¹ mod φ(N)), Goldberg et al. §3.2. */
  BigInteger nthRoot(BigInteger y) {
    return join(y.mod(p).modPow(nthP, p), y.mod(q).modPow(nthQ, q));
  }

  /** r^N mod N², the randomness factor of a Paillier encryption, via CRT on p² and q². */
  BigInteger mask(BigInteger r) {
    BigInteger a = r.mod(pSquared).modPow(n, pSquared);
    BigInteger b = r.mod(qSquared).modPow(n, qSquared);
    BigInteger h = a.subtract(b).multiply(qSquaredInvPSquared).mod(pSquared);
    return b.add(qSquared.multiply(h));
  }
}
