package org.planbok.mpc.ecdsa;

import static org.planbok.mpc.ecdsa.EcdsaSignRejectionTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/** One test per check of key generation, named for what it rejects. */
class EcdsaKeyGenRejectionTest {
  private static final byte[] KEY_ID = "key-3".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1 group = Secp256k1.INSTANCE;
  private final PaillierSecretKey paillier = TestKeys.paillier(2);
  private final SessionId sid = SessionId.random(random);
  private final byte[] aux = KeyGenAux.of(EcdsaKeyGenP1.AUX, KEY_ID);
  private final EcdsaKeyGenP1 p1 = new EcdsaKeyGenP1(sid, KEY_ID, paillier, random);
  private final EcdsaKeyGenP2 p2 = new EcdsaKeyGenP2(sid, KEY_ID, random);

  // ---- rogue shares: the commitment fixes QA before P1 sees QB ----

  @Test
  void rejectsRogueQAChosenAfterSeeingQB() {
    KeyGenShare m2 = p2.contribute(p1.commit());
    KeyGenOpening honest = p1.open(m2);
    // P1 wants Q = T: QA' = T − QB. It cannot open its commitment to QA'.
    BigInteger t = group.randomScalar(random);
    ECPoint rogue = group.add(group.multiplyGenerator(t), group.negate(m2.publicShareB()));
    KeyGenOpening swapped = withShareA(honest, rogue, honest.proof());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.finish(swapped));
  }

  @Test
  void rejectsQAOpeningWithOtherRandomness() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    byte[] rho = honest.randomness();
    rho[5] ^= 1;
    KeyGenOpening tampered =
        new KeyGenOpening(
            sid,
            honest.publicShareA(),
            honest.proof(),
            honest.chainCodeA(),
            rho,
            honest.paillierKey(),
            honest.cKey(),
            honest.keyProof(),
            honest.cKeyProof());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.finish(tampered));
  }

  @Test
  void rejectsRogueQBWithoutItsDiscreteLog() {
    p1.commit();
    ECPoint rogue = group.multiplyGenerator(group.randomScalar(random));
    BigInteger k = group.randomScalar(random);
    DlogProof forged = new DlogProof(group.encode(group.multiplyGenerator(k)), k);
    byte[] cc = new byte[32];
    assertAbort(AbortReason.BAD_PROOF, () -> p1.open(new KeyGenShare(sid, rogue, forged, cc)));
  }

  // ---- DLog proofs bound to session, party and key id ----

  @Test
  void rejectsQBProofFromAnotherSession() {
    p1.commit();
    assertAbort(
        AbortReason.BAD_PROOF,
        () -> p1.open(shareProvedWith(SessionId.random(random), Party.P2, aux)));
  }

  @Test
  void rejectsQBProofMadeAsTheOtherParty() {
    p1.commit();
    assertAbort(AbortReason.BAD_PROOF, () -> p1.open(shareProvedWith(sid, Party.P1, aux)));
  }

  @Test
  void rejectsQBProofForAnotherKeyId() {
    p1.commit();
    byte[] otherAux = KeyGenAux.of(EcdsaKeyGenP1.AUX, "key-4".getBytes());
    assertAbort(AbortReason.BAD_PROOF, () -> p1.open(shareProvedWith(sid, Party.P2, otherAux)));
  }

  @Test
  void rejectsBadDlogProofForQA() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    DlogProof bad =
        new DlogProof(
            honest.proof().commitment(),
            honest.proof().response().add(BigInteger.ONE).mod(Secp256k1.N));
    assertAbort(AbortReason.BAD_PROOF, finishRecommitted(honest, bad));
  }

  @Test
  void rejectsQAProofFromAnotherSession() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    BigInteger xA = paillier.decrypt(honest.cKey());
    DlogProof other =
        DlogProof.prove(
            group, SessionId.random(random), Party.P1, aux, xA, honest.publicShareA(), random);
    assertAbort(AbortReason.BAD_PROOF, finishRecommitted(honest, other));
  }

  @Test
  void rejectsQAProofMadeAsTheOtherParty() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    BigInteger xA = paillier.decrypt(honest.cKey());
    DlogProof other = DlogProof.prove(group, sid, Party.P2, aux, xA, honest.publicShareA(), random);
    assertAbort(AbortReason.BAD_PROOF, finishRecommitted(honest, other));
  }

  // ---- Paillier key and c_key ----

  @Test
  void rejectsPaillierKeyProofFromAnotherSession() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    PaillierKeyProof other =
        PaillierKeyProof.prove(paillier, SessionId.random(random), Party.P1, aux);
    assertAbort(
        AbortReason.BAD_PROOF,
        () -> p2.finish(withProofs(honest, honest.cKey(), other, honest.cKeyProof())));
  }

  @Test
  void rejectsModulusThatIsNot2048Bits() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    PaillierPublicKey small = new PaillierPublicKey(honest.paillierKey().modulus().shiftRight(2));
    KeyGenOpening m =
        new KeyGenOpening(
            sid,
            honest.publicShareA(),
            honest.proof(),
            honest.chainCodeA(),
            honest.randomness(),
            small,
            honest.cKey(),
            honest.keyProof(),
            honest.cKeyProof());
    assertAbort(AbortReason.INVALID_PAILLIER, () -> p2.finish(m));
  }

  @Test
  void rejectsCKeyNotCoprimeToN() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    BigInteger bad = paillier.p().multiply(BigInteger.valueOf(12345));
    assertAbort(
        AbortReason.INVALID_PAILLIER,
        () -> p2.finish(withProofs(honest, bad, honest.keyProof(), honest.cKeyProof())));
  }

  @Test
  void rejectsCKeyNotBelowNSquared() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    BigInteger bad = honest.cKey().add(honest.paillierKey().modulusSquared());
    assertAbort(
        AbortReason.INVALID_PAILLIER,
        () -> p2.finish(withProofs(honest, bad, honest.keyProof(), honest.cKeyProof())));
  }

  @Test
  void rejectsCKeyEncryptingAnotherValue() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    PaillierPublicKey pk = paillier.publicKey();
    BigInteger xA = paillier.decrypt(honest.cKey());
    BigInteger r = pk.randomUnit(random);
    BigInteger wrong = pk.encrypt(xA.add(BigInteger.ONE), r);
    PaillierDlogProof stale = honest.cKeyProof();
    assertAbort(
        AbortReason.BAD_PROOF,
        () -> p2.finish(withProofs(honest, wrong, honest.keyProof(), stale)));
  }

  @Test
  void rejectsCKeyProofFromAnotherSession() {
    KeyGenOpening honest = p1.open(p2.contribute(p1.commit()));
    PaillierPublicKey pk = paillier.publicKey();
    BigInteger xA = paillier.decrypt(honest.cKey());
    BigInteger r = pk.randomUnit(random);
    BigInteger c = pk.encrypt(xA, r);
    PaillierDlogProof other =
        PaillierDlogProof.prove(
            paillier,
            xA,
            r,
            c,
            honest.publicShareA(),
            SessionId.random(random),
            Party.P1,
            aux,
            random);
    assertAbort(
        AbortReason.BAD_PROOF, () -> p2.finish(withProofs(honest, c, honest.keyProof(), other)));
  }

  @Test
  void rejectsIdentityAsJointKey() {
    ECPoint qA = group.multiplyGenerator(group.randomScalar(random));
    assertAbort(AbortReason.INVALID_POINT, () -> EcdsaKeyGenP1.jointKey(qA, group.negate(qA)));
  }

  // ---- sessions and order ----

  @Test
  void rejectsKeyGenMessageFromAnotherSession() {
    KeyGenCommitment foreign =
        new EcdsaKeyGenP1(SessionId.random(random), KEY_ID, paillier, random).commit();
    assertAbort(AbortReason.WRONG_SESSION, () -> p2.contribute(foreign));
  }

  @Test
  void rejectsKeyGenRoundsOutOfOrderOrTwice() {
    KeyGenCommitment m1 = p1.commit();
    assertAbort(AbortReason.WRONG_STATE, p1::commit);
    KeyGenShare m2 = p2.contribute(m1);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.contribute(m1));
    assertAbort(AbortReason.WRONG_STATE, p1::share);
    KeyGenOpening m3 = p1.open(m2);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.open(m2));
    p2.finish(m3);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.finish(m3));
  }

  // ---- helpers ----

  private KeyGenShare shareProvedWith(SessionId proofSid, Party prover, byte[] proofAux) {
    BigInteger x = group.randomScalar(random);
    ECPoint q = group.multiplyGenerator(x);
    return new KeyGenShare(
        sid, q, DlogProof.prove(group, proofSid, prover, proofAux, x, q, random), new byte[32]);
  }

  private static KeyGenOpening withShareA(KeyGenOpening m, ECPoint qA, DlogProof proof) {
    return new KeyGenOpening(
        m.sid(),
        qA,
        proof,
        m.chainCodeA(),
        m.randomness(),
        m.paillierKey(),
        m.cKey(),
        m.keyProof(),
        m.cKeyProof());
  }

  private static KeyGenOpening withProofs(
      KeyGenOpening m, BigInteger cKey, PaillierKeyProof keyProof, PaillierDlogProof cKeyProof) {
    return new KeyGenOpening(
        m.sid(),
        m.publicShareA(),
        m.proof(),
        m.chainCodeA(),
        m.randomness(),
        m.paillierKey(),
        cKey,
        keyProof,
        cKeyProof);
  }

  /**
   * A fresh P2 that received a commitment consistent with {@code proof}: only the proof is wrong.
   */
  private Executable finishRecommitted(KeyGenOpening m, DlogProof proof) {
    EcdsaKeyGenP2 fresh = new EcdsaKeyGenP2(sid, KEY_ID, random);
    byte[] payload = KeyGenOpening.payload(m.publicShareA(), proof, m.chainCodeA());
    Commitment.Committed c = Commitment.commit(EcdsaKeyGenP1.LABEL, sid, Party.P1, payload, random);
    fresh.contribute(new KeyGenCommitment(sid, c.commitment()));
    KeyGenOpening opened =
        new KeyGenOpening(
            sid,
            m.publicShareA(),
            proof,
            m.chainCodeA(),
            c.opening().randomness(),
            m.paillierKey(),
            m.cKey(),
            m.keyProof(),
            m.cKeyProof());
    return () -> fresh.finish(opened);
  }
}
