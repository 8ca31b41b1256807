package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.PaillierDlogProof.Challenges;
import org.planbok.mpc.zk.PaillierDlogProof.LinkRound;
import org.planbok.mpc.zk.PaillierDlogProof.RangeRound;

/**
 * P1's side of {@link PaillierDlogProof}: first messages, Fiat–Shamir challenges, responses. It
 * does not check that x is below the curve order (the public entry point does), so tests can play a
 * cheating prover with an out-of-range plaintext.
 */
final class PaillierDlogProver {
  private static final PedersenGroup PED = PedersenGroup.INSTANCE;
  private static final Secp256k1 CURVE = Secp256k1.INSTANCE;

  private final BlumFactors factors;
  private final PaillierPublicKey pk;
  private final BigInteger x;
  private final BigInteger r;
  private final SecureRandom random;

  PaillierDlogProver(PaillierSecretKey sk, BigInteger x, BigInteger r, SecureRandom random) {
    this.factors = new BlumFactors(sk);
    this.pk = sk.publicKey();
    this.x = x;
    this.r = r;
    this.random = random;
  }

  PaillierDlogProof prove(BigInteger cKey, ECPoint q, SessionId sid, Party prover, byte[] aux) {
    BigInteger rho = blind();
    ECPoint c = PED.commit(x, rho);
    BigInteger rangeBound = BigInteger.ONE.shiftLeft(PaillierDlogProof.RANGE_BITS);
    BigInteger linkBound = BigInteger.ONE.shiftLeft(PaillierDlogProof.LINK_BITS);
    // masks leave room for the value they hide, so honest responses are always in range
    BigInteger[] w = new BigInteger[PaillierDlogProof.RANGE_ROUNDS];
    BigInteger[] wBlind = new BigInteger[w.length];
    List<RangeRound> rangeFirst = new ArrayList<>(w.length);
    for (int j = 0; j < w.length; j++) {
      w[j] = below(rangeBound.subtract(Secp256k1.N));
      wBlind[j] = blind();
      rangeFirst.add(new RangeRound(PED.commit(w[j], wBlind[j]), BigInteger.ZERO, BigInteger.ZERO));
    }
    BigInteger tauBound = linkBound.subtract(Secp256k1.N.shiftLeft(13));
    BigInteger[] tau = new BigInteger[PaillierDlogProof.LINK_ROUNDS];
    BigInteger[] sigma = new BigInteger[tau.length];
    BigInteger[] s = new BigInteger[tau.length];
    List<LinkRound> linkFirst = new ArrayList<>(tau.length);
    for (int i = 0; i < tau.length; i++) {
      tau[i] = below(tauBound);
      sigma[i] = blind();
      s[i] = pk.randomUnit(random);
      BigInteger cipher = pk.encryptWithMask(tau[i], factors.mask(s[i]));
      ECPoint ped = PED.commit(tau[i], sigma[i]);
      ECPoint point = CURVE.multiplyGenerator(tau[i].mod(Secp256k1.N));
      BigInteger zero = BigInteger.ZERO;
      linkFirst.add(new LinkRound(cipher, ped, point, zero, zero, zero));
    }
    PaillierDlogProof first = new PaillierDlogProof(c, rangeFirst, linkFirst);
    Challenges ch = PaillierDlogProof.challenges(pk, cKey, q, sid, prover, aux, first);
    BigInteger order = PED.order();
    List<RangeRound> range = new ArrayList<>(w.length);
    for (int j = 0; j < w.length; j++) {
      ECPoint mask = rangeFirst.get(j).mask();
      range.add(
          ch.bit(j)
              ? new RangeRound(mask, w[j].add(x), wBlind[j].add(rho).mod(order))
              : new RangeRound(mask, w[j], wBlind[j]));
    }
    BigInteger n = pk.modulus();
    List<LinkRound> link = new ArrayList<>(tau.length);
    for (int i = 0; i < tau.length; i++) {
      BigInteger e = ch.link(i);
      LinkRound f = linkFirst.get(i);
      link.add(
          new LinkRound(
              f.cipher(),
              f.pedersen(),
              f.point(),
              tau[i].add(e.multiply(x)),
              sigma[i].add(e.multiply(rho)).mod(order),
              s[i].multiply(r.modPow(e, n)).mod(n)));
    }
    return new PaillierDlogProof(c, range, link);
  }

  private BigInteger blind() {
    return new BigInteger(PED.order().bitLength() + 128, random).mod(PED.order());
  }

  private BigInteger below(BigInteger bound) {
    BigInteger v;
    do {
      v = new BigInteger(bound.bitLength(), random);
    } while (v.compareTo(bound) >= 0);
    return v;
  }
}
