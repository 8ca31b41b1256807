package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * A P2 that follows the rounds but computes {@code c3} its own way, as a BitForge-style attacker
 * would (CVE-2023-33242): with a wrong {@code xB}, or with an extra term whose effect on the result
 * depends on a bit of {@code xA}.
 */
final class MaliciousP2 {
  private final EcdsaP2KeyShare share;
  private final SessionId sid;
  private final SignRequest request;
  private final SecureRandom random;
  private final byte[] aux;
  private BigInteger k2;

  MaliciousP2(EcdsaP2KeyShare share, SessionId sid, SignRequest request, SecureRandom random) {
    this(
        share,
        sid,
        request,
        random,
        request.aux(share.publicKey(), share.paillierKey(), share.cKey()));
  }

  /** A P2 that proves its nonce under {@code aux} of its choosing (e.g. another share epoch). */
  MaliciousP2(
      EcdsaP2KeyShare share, SessionId sid, SignRequest request, SecureRandom random, byte[] aux) {
    this.share = share;
    this.sid = sid;
    this.request = request;
    this.random = random;
    this.aux = aux.clone();
  }

  SignNonce nonce() {
    k2 = Secp256k1.INSTANCE.randomScalar(random);
    ECPoint r2 = Secp256k1.INSTANCE.multiplyGenerator(k2);
    return new SignNonce(
        sid, r2, DlogProof.prove(Secp256k1.INSTANCE, sid, Party.P2, aux, k2, r2, random));
  }

  /** c3 computed with {@code xB} replaced by {@code xBChoice(xB)}. */
  SignPartial partialWithShare(SignOpening opening, UnaryOperator<BigInteger> xBChoice) {
    return new SignPartial(sid, c3(opening, xBChoice.apply(share.xB()), BigInteger.ZERO));
  }

  /** Honest c3 plus an encrypted {@code extra} term added to the plaintext. */
  SignPartial partialWithExtraTerm(SignOpening opening, BigInteger extra) {
    return new SignPartial(sid, c3(opening, share.xB(), extra));
  }

  /**
   * Honest c3 times {@code c_key^(L·n)}: adds {@code L·n·xA} to the plaintext, invisible mod n
   * unless the plaintext wraps around N.
   */
  SignPartial partialWithKeyMultiple(SignOpening opening, BigInteger l) {
    PaillierPublicKey pk = share.paillierKey();
    BigInteger honest = c3(opening, share.xB(), BigInteger.ZERO);
    BigInteger probe = pk.multiply(share.cKey(), l.multiply(Secp256k1.N));
    return new SignPartial(sid, pk.add(honest, probe));
  }

  private BigInteger c3(SignOpening opening, BigInteger xB, BigInteger extra) {
    BigInteger n = Secp256k1.N;
    BigInteger r = Signing.r(Secp256k1.INSTANCE.multiply(opening.r1(), k2));
    BigInteger k2Inv = k2.modInverse(n);
    BigInteger v =
        k2Inv.multiply(request.e().add(r.multiply(xB.add(request.tweak())))).mod(n).add(extra);
    PaillierPublicKey pk = share.paillierKey();
    return pk.add(pk.encrypt(v, random), pk.multiply(share.cKey(), k2Inv.multiply(r).mod(n)));
  }
}
