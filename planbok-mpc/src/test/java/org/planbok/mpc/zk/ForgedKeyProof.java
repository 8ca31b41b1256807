package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * A cheating prover who knows the factorisation of a bad modulus and answers every challenge it
 * can: fourth roots wherever (−1)^a·w^b·y has one that the QR-subgroup formula finds, N-th roots
 * wherever N is invertible modulo the group order. Where it cannot answer it sends 1.
 */
final class ForgedKeyProof {
  record PrimePower(BigInteger prime, int exponent) {
    BigInteger value() {
      return prime.pow(exponent);
    }

    BigInteger order() {
      return prime.pow(exponent - 1).multiply(prime.subtract(BigInteger.ONE));
    }
  }

  private ForgedKeyProof() {}

  static BigInteger modulus(List<PrimePower> factors) {
    return factors.stream().map(PrimePower::value).reduce(BigInteger.ONE, BigInteger::multiply);
  }

  static PaillierKeyProof forge(List<PrimePower> factors, SessionId sid, Party party, byte[] aux) {
    BigInteger n = modulus(factors);
    Transcript base = PaillierKeyProof.statement(n, sid, party, aux);
    BigInteger w = PaillierKeyProof.nonResidue(base, n);
    Transcript t = base.append("w", w);
    List<BigInteger> roots = new ArrayList<>();
    byte[] flags = new byte[PaillierKeyProof.FOURTH_ROOTS];
    for (int i = 0; i < PaillierKeyProof.FOURTH_ROOTS; i++) {
      BigInteger y = PaillierKeyProof.fourthRootChallenge(t, n, i);
      BigInteger root = BigInteger.ONE;
      for (int flag = 0; flag < 4; flag++) {
        BigInteger target = (flag & 2) != 0 ? y.multiply(w).mod(n) : y;
        target = (flag & 1) != 0 ? n.subtract(target) : target;
        BigInteger candidate = fourthRoot(factors, target);
        if (candidate.modPow(BigInteger.valueOf(4), n).equals(target)) {
          root = candidate;
          flags[i] = (byte) flag;
          break;
        }
      }
      roots.add(root);
    }
    List<BigInteger> sigmas = new ArrayList<>();
    for (int i = 0; i < PaillierKeyProof.NTH_ROOTS; i++) {
      sigmas.add(nthRoot(factors, n, PaillierKeyProof.nthRootChallenge(t, n, i)));
    }
    return new PaillierKeyProof(w, roots, flags, sigmas);
  }

  /** In a cyclic group of order 2m, m odd, a QR a has the QR fourth root a^(((m+1)/2)² mod m). */
  private static BigInteger fourthRoot(List<PrimePower> factors, BigInteger a) {
    List<BigInteger> residues = new ArrayList<>();
    for (PrimePower f : factors) {
      BigInteger m = f.order().shiftRight(1);
      BigInteger half = m.add(BigInteger.ONE).shiftRight(1);
      residues.add(a.mod(f.value()).modPow(half.multiply(half).mod(m), f.value()));
    }
    return join(factors, residues);
  }

  private static BigInteger nthRoot(List<PrimePower> factors, BigInteger n, BigInteger rho) {
    List<BigInteger> residues = new ArrayList<>();
    for (PrimePower f : factors) {
      BigInteger order = f.order();
      residues.add(
          order.gcd(n).equals(BigInteger.ONE)
              ? rho.mod(f.value()).modPow(n.modInverse(order), f.value())
              : rho.mod(f.value()));
    }
    return join(factors, residues);
  }

  private static BigInteger join(List<PrimePower> factors, List<BigInteger> residues) {
    BigInteger x = BigInteger.ZERO;
    BigInteger m = BigInteger.ONE;
    for (int i = 0; i < factors.size(); i++) {
      BigInteger mi = factors.get(i).value();
      BigInteger h = residues.get(i).subtract(x).multiply(m.modInverse(mi)).mod(mi);
      x = x.add(m.multiply(h));
      m = m.multiply(mi);
    }
    return x;
  }
}
