package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Non-interactive proof that a 2048-bit N is a Paillier–Blum modulus (N = p·q, p ≡ q ≡ 3 mod 4)
 * with gcd(N, φ(N)) = 1 and no prime factor below α = 2^13. P1 (Node 2) sends it with {@code c_key}
 * in Lindell 2017 key generation (ePrint 2017/552 §3.2, P1's Paillier key; cb-mpc ecdsa-2pc spec:
 * "ZK-Valid-Paillier" before "PDL").
 *
 * <p>The construction combines three parts, all bound by Fiat–Shamir to the session id, prover
 * party, aux, curve name, N and w:
 *
 * <ol>
 *   <li>Public screening ({@link ModulusScreen}): N odd, exactly 2048 bits, trial division by every
 *       prime below α, not a perfect power, not a probable prime.
 *   <li>CGGMP21 Π_mod (ePrint 2021/060, §6.3, Fig. 16), fourth-root part: a public w with Jacobi
 *       symbol (w/N) = −1 and, for {@value #FOURTH_ROOTS} hash-derived y_i, a fourth root x_i of
 *       (−1)^a_i·w^b_i·y_i. For a square-free composite N that is not the product of two primes
 *       both ≡ 3 mod 4, at most half of the y_i admit such roots, so the soundness error is
 *       2^-{@value #FOURTH_ROOTS} per random-oracle query (128-bit, as Fiat–Shamir lets a cheater
 *       grind). The prover returns the root that is itself a quadratic residue, which a simulator
 *       can sample as v² with v uniform (then y_i is programmed from x_i⁴), so the roots leak
 *       nothing about p and q.
 *   <li>The N-th root proof of Goldberg–Reyzin–Sagga–Baldimtsi 2019 §3.2 (cb-mpc's ValidPaillier):
 *       for {@value #NTH_ROOTS} hash-derived ρ_i, σ_i = ρ_i^(N⁻¹ mod φ(N)). If gcd(N, φ(N)) ≠ 1 it
 *       has a prime factor p' ≥ α and at most a 1/p' share of Z*_N are N-th residues, so the error
 *       is α^-{@value #NTH_ROOTS} = 2^-130. This part also proves N square-free (it replaces the
 *       z_i of Fig. 16, which use m = 80 N-th roots where 10 suffice once small factors are
 *       excluded).
 * </ol>
 *
 * Screening, square-freeness and the fourth roots together leave exactly N = p·q with p ≡ q ≡ 3
 * (mod 4), p ≠ q primes ≥ α, gcd(N, φ(N)) = 1. Prime factors between α and 2^1000 are not ruled out
 * (no non-interactive Π_fac without the verifier's ring-Pedersen parameters): they do not help P1,
 * who knows the factors anyway; {@link PaillierDlogProof} only needs factors ≥ α. N ≥ 2^2047
 * exceeds the largest plaintext the sign step forms (ρ·q + a + b·x_A &lt; 2^770), so nothing wraps.
 *
 * @param w the public non-residue with Jacobi symbol −1
 * @param fourthRoots x_i, one per challenge y_i
 * @param flags a_i | (b_i &lt;&lt; 1) per challenge
 * @param nthRoots σ_i, one per challenge ρ_i
 */
public record PaillierKeyProof(
    BigInteger w, List<BigInteger> fourthRoots, byte[] flags, List<BigInteger> nthRoots) {
  /** Challenges of the fourth-root part (CGGMP21's m). */
  public static final int FOURTH_ROOTS = 128;

  /** Challenges of the N-th root part: ⌈128 / log2 α⌉. */
  public static final int NTH_ROOTS = 10;

  private static final int MODULUS_BYTES = PaillierPublicKey.MODULUS_BITS / 8;

  public PaillierKeyProof {
    if (w == null || fourthRoots == null || flags == null || nthRoots == null) {
      throw malformed("Paillier key proof is incomplete");
    }
    if (fourthRoots.size() != FOURTH_ROOTS
        || flags.length != FOURTH_ROOTS
        || nthRoots.size() != NTH_ROOTS) {
      throw malformed("Paillier key proof has the wrong number of roots");
    }
    fourthRoots = List.copyOf(fourthRoots);
    nthRoots = List.copyOf(nthRoots);
    flags = flags.clone();
  }

  @Override
  public byte[] flags() {
    return flags.clone();
  }

  /** Proves the key's modulus valid; the secret key is only read. */
  public static PaillierKeyProof prove(
      PaillierSecretKey sk, SessionId sid, Party prover, byte[] aux) {
    BlumFactors factors = new BlumFactors(sk);
    BigInteger n = factors.modulus();
    Transcript base = statement(n, sid, prover, aux);
    BigInteger w = nonResidue(base, n);
    Transcript t = base.append("w", w);
    BlumFactors.Candidate wRoot = factors.candidate(w);
    List<BigInteger> roots = new ArrayList<>(FOURTH_ROOTS);
    byte[] flags = new byte[FOURTH_ROOTS];
    for (int i = 0; i < FOURTH_ROOTS; i++) {
      BlumFactors.Candidate y = factors.candidate(fourthRootChallenge(t, n, i));
      // b makes the two Legendre symbols agree (w flips exactly one), a makes both +1.
      int b = y.legendreP() == y.legendreQ() ? 0 : 1;
      int signP = y.legendreP() * (b == 1 ? wRoot.legendreP() : 1);
      int a = signP == 1 ? 0 : 1;
      roots.add(qrFourthRoot(factors, y, wRoot, a, b));
      flags[i] = (byte) (a | (b << 1));
    }
    List<BigInteger> sigmas = new ArrayList<>(NTH_ROOTS);
    for (int i = 0; i < NTH_ROOTS; i++) {
      sigmas.add(factors.nthRoot(nthRootChallenge(t, n, i)));
    }
    return new PaillierKeyProof(w, roots, flags, sigmas);
  }

  /**
   * ((−1)^a·w^b·y)^k = (−1)^(a·k)·(w^k)^b·y^k per prime: the fourth root that is a quadratic
   * residue, from the candidates already computed.
   */
  private static BigInteger qrFourthRoot(
      BlumFactors f, BlumFactors.Candidate y, BlumFactors.Candidate w, int a, int b) {
    BigInteger rp = y.rootP();
    BigInteger rq = y.rootQ();
    if (b == 1) {
      rp = rp.multiply(w.rootP()).mod(f.p());
      rq = rq.multiply(w.rootQ()).mod(f.q());
    }
    if (a == 1 && f.oddExponentP()) {
      rp = f.p().subtract(rp).mod(f.p());
    }
    if (a == 1 && f.oddExponentQ()) {
      rq = f.q().subtract(rq).mod(f.q());
    }
    return f.join(rp, rq);
  }

  /**
   * Verifies the proof for {@code pk}; aborts with {@link AbortReason#INVALID_PAILLIER} when the
   * modulus fails screening and {@link AbortReason#BAD_PROOF} when a root is wrong.
   */
  public void verify(PaillierPublicKey pk, SessionId sid, Party prover, byte[] aux) {
    ModulusScreen.requireAcceptable(pk.modulus());
    verifyRoots(pk.modulus(), sid, prover, aux);
  }

  /** The root checks alone, without screening N (which a prime N would pass). */
  void verifyRoots(BigInteger n, SessionId sid, Party prover, byte[] aux) {
    if (w.signum() <= 0 || w.compareTo(n) >= 0 || JacobiSymbol.of(w, n) != -1) {
      throw bad("w does not have Jacobi symbol -1");
    }
    Transcript t = statement(n, sid, prover, aux).append("w", w);
    for (int i = 0; i < FOURTH_ROOTS; i++) {
      BigInteger x = requireUnitBelow(fourthRoots.get(i), n);
      BigInteger y = fourthRootChallenge(t, n, i);
      int flag = flags[i];
      if (flag < 0 || flag > 3) {
        throw bad("fourth-root flags out of range");
      }
      if ((flag & 2) != 0) {
        y = y.multiply(w).mod(n);
      }
      if ((flag & 1) != 0) {
        y = n.subtract(y).mod(n);
      }
      BigInteger x2 = x.multiply(x).mod(n);
      if (!x2.multiply(x2).mod(n).equals(y)) {
        throw bad("fourth root " + i + " is wrong");
      }
    }
    for (int i = 0; i < NTH_ROOTS; i++) {
      BigInteger sigma = requireUnitBelow(nthRoots.get(i), n);
      if (!sigma.modPow(n, n).equals(nthRootChallenge(t, n, i))) {
        throw bad("N-th root " + i + " is wrong");
      }
    }
  }

  static Transcript statement(BigInteger n, SessionId sid, Party prover, byte[] aux) {
    return Transcript.start("zk/paillier-key")
        .append("curve", Secp256k1.INSTANCE.name())
        .append(sid)
        .append(prover)
        .append("aux", aux)
        .append("N", n);
  }

  /** A deterministic w with Jacobi symbol −1, drawn from the statement (expected two tries). */
  static BigInteger nonResidue(Transcript base, BigInteger n) {
    for (int counter = 0; ; counter++) {
      BigInteger w = base.challenge(n, "w/" + counter);
      if (w.signum() > 0 && JacobiSymbol.of(w, n) == -1) {
        return w;
      }
    }
  }

  static BigInteger fourthRootChallenge(Transcript t, BigInteger n, int i) {
    return t.challenge(n, "y/" + i);
  }

  static BigInteger nthRootChallenge(Transcript t, BigInteger n, int i) {
    return t.challenge(n, "rho/" + i);
  }

  private static BigInteger requireUnitBelow(BigInteger v, BigInteger n) {
    if (v.signum() <= 0 || v.compareTo(n) >= 0) {
      throw bad("root out of range");
    }
    return v;
  }

  public byte[] toBytes() {
    WireWriter out = new WireWriter().integer(w);
    fourthRoots.forEach(out::integer);
    out.bytes(flags);
    nthRoots.forEach(out::integer);
    return out.toBytes();
  }

  public static PaillierKeyProof fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    BigInteger w = in.integer(MODULUS_BYTES);
    List<BigInteger> roots = new ArrayList<>(FOURTH_ROOTS);
    for (int i = 0; i < FOURTH_ROOTS; i++) {
      roots.add(in.integer(MODULUS_BYTES));
    }
    byte[] flags = in.fixedBytes(FOURTH_ROOTS);
    List<BigInteger> sigmas = new ArrayList<>(NTH_ROOTS);
    for (int i = 0; i < NTH_ROOTS; i++) {
      sigmas.add(in.integer(MODULUS_BYTES));
    }
    in.end();
    return new PaillierKeyProof(w, roots, flags, sigmas);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaillierKeyProof other
        && w.equals(other.w)
        && fourthRoots.equals(other.fourthRoots)
        && java.util.Arrays.equals(flags, other.flags)
        && nthRoots.equals(other.nthRoots);
  }

  @Override
  public int hashCode() {
    return w.hashCode() * 31 + fourthRoots.hashCode();
  }

  @Override
  public String toString() {
    return "PaillierKeyProof[" + FOURTH_ROOTS + " fourth roots, " + NTH_ROOTS + " N-th roots]";
  }

  private static ProtocolAbort bad(String detail) {
    return new ProtocolAbort(AbortReason.BAD_PROOF, "Paillier key proof: " + detail);
  }

  private static ProtocolAbort malformed(String detail) {
    return new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, detail);
  }
}
