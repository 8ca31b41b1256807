package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.planbok.mpc.ecdsa.EcdsaSignRejectionTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/** Refresh: Q unchanged, new shares sign, old and new shares cannot be mixed. */
class EcdsaRefreshTest {
  private static final byte[] KEY_ID = "key-r".getBytes();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static EcdsaRun.Keys old;
  private static EcdsaRun.Keys fresh;

  @BeforeAll
  static void refreshOnce() {
    old = TestKeys.dealt(TestKeys.paillier(0), RANDOM);
    fresh = EcdsaRun.refresh(old, KEY_ID, TestKeys.paillier(1), RANDOM);
  }

  @Test
  void refreshKeepsTheJointKeyAndChangesTheShares() {
    assertEquals(old.p1().publicKey(), fresh.p1().publicKey());
    assertEquals(old.p2().publicKey(), fresh.p2().publicKey());
    assertNotEquals(old.p1().xA(), fresh.p1().xA());
    assertNotEquals(old.p2().xB(), fresh.p2().xB());
    assertEquals(fresh.p1().publicShareA(), fresh.p2().publicShareA());
    BigInteger x = old.p1().xA().add(old.p2().xB()).mod(Secp256k1.N);
    assertEquals(x, fresh.p1().xA().add(fresh.p2().xB()).mod(Secp256k1.N));
    assertEquals(fresh.p1().xA(), fresh.p1().paillierKey().decrypt(fresh.p2().cKey()));
    EcdsaP2KeyShare.fromBytes(fresh.p2().toBytes());
    EcdsaP1KeyShare.fromBytes(fresh.p1().toBytes());
  }

  @Test
  void refreshedSharesSign() {
    for (int i = 0; i < 20; i++) {
      SignRequest request = request();
      EcdsaSignature sig = EcdsaRun.signature(EcdsaRun.sign(fresh, request, RANDOM));
      IndependentVerifiers.assertValid(
          sig, request.signingKey(fresh.p1().publicKey()), request.digest());
    }
  }

  @Test
  void rejectsOldP1WithNewP2() {
    assertAbort(
        AbortReason.BAD_PROOF, () -> EcdsaRun.sign(old.p1(), fresh.p2(), request(), RANDOM, null));
  }

  @Test
  void rejectsNewP1WithOldP2() {
    assertAbort(
        AbortReason.BAD_PROOF, () -> EcdsaRun.sign(fresh.p1(), old.p2(), request(), RANDOM, null));
  }

  /**
   * A P2 that proves its nonce under the old epoch but computes c3 from its new share: old P1
   * either rejects c3 under its old N, or decrypts nonsense, and then freezes the key at once.
   */
  @Test
  void freezesOldP1WhenANewP2HidesTheEpoch() {
    for (int attempt = 0; attempt < 64; attempt++) {
      SessionId sid = SessionId.random(RANDOM);
      SignRequest request = request();
      byte[] oldAux = request.aux(old.p2().publicKey(), old.p2().paillierKey(), old.p2().cKey());
      EcdsaSignP1 p1 = new EcdsaSignP1(old.p1(), sid, request, RANDOM);
      MaliciousP2 mixed = new MaliciousP2(fresh.p2(), sid, request, RANDOM, oldAux);
      p1.commitNonce();
      SignOpening opening = p1.openNonce(mixed.nonce());
      SignPartial c3 = mixed.partialWithShare(opening, xB -> xB);
      try {
        SignOutcome outcome = p1.finish(c3);
        assertInstanceOf(SignOutcome.Frozen.class, outcome);
        return;
      } catch (ProtocolAbort e) {
        assertEquals(AbortReason.INVALID_PAILLIER, e.reason());
      }
    }
    throw new AssertionError("c3 was never below the old N²");
  }

  @Test
  void rejectsRefreshOpeningThatDoesNotMatchTheCommitment() {
    SessionId sid = SessionId.random(RANDOM);
    EcdsaRefreshP1 p1 = new EcdsaRefreshP1(old.p1(), sid, KEY_ID, TestKeys.paillier(3), RANDOM);
    EcdsaRefreshP2 p2 = new EcdsaRefreshP2(old.p2(), sid, KEY_ID, RANDOM);
    RefreshOpening honest = p1.open(p2.contribute(p1.commit()));
    byte[] delta = honest.deltaA();
    delta[0] ^= 1;
    RefreshOpening tampered =
        new RefreshOpening(
            sid,
            delta,
            honest.randomness(),
            honest.paillierKey(),
            honest.cKey(),
            honest.keyProof(),
            honest.cKeyProof());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.finish(tampered));
  }

  @Test
  void rejectsRefreshProofForAnotherKeyId() {
    SessionId sid = SessionId.random(RANDOM);
    EcdsaRefreshP1 p1 =
        new EcdsaRefreshP1(old.p1(), sid, "other".getBytes(), TestKeys.paillier(3), RANDOM);
    EcdsaRefreshP2 p2 = new EcdsaRefreshP2(old.p2(), sid, KEY_ID, RANDOM);
    RefreshOpening opening = p1.open(p2.contribute(p1.commit()));
    assertAbort(AbortReason.BAD_PROOF, () -> p2.finish(opening));
  }

  @Test
  void rejectsRefreshWithoutPaillierRotation() {
    SessionId sid = SessionId.random(RANDOM);
    assertThrows(
        IllegalArgumentException.class,
        () -> new EcdsaRefreshP1(old.p1(), sid, KEY_ID, old.p1().paillierKey(), RANDOM));
    EcdsaRefreshP1 p1 = new EcdsaRefreshP1(old.p1(), sid, KEY_ID, TestKeys.paillier(3), RANDOM);
    EcdsaRefreshP2 p2 = new EcdsaRefreshP2(old.p2(), sid, KEY_ID, RANDOM);
    RefreshOpening honest = p1.open(p2.contribute(p1.commit()));
    RefreshOpening reused =
        new RefreshOpening(
            sid,
            honest.deltaA(),
            honest.randomness(),
            old.p2().paillierKey(),
            old.p2().cKey(),
            honest.keyProof(),
            honest.cKeyProof());
    assertAbort(AbortReason.INVALID_PAILLIER, () -> p2.finish(reused));
  }

  @Test
  void rejectsRefreshMessageFromAnotherSessionAndRepeats() {
    SessionId sid = SessionId.random(RANDOM);
    EcdsaRefreshP1 p1 = new EcdsaRefreshP1(old.p1(), sid, KEY_ID, TestKeys.paillier(3), RANDOM);
    EcdsaRefreshP2 p2 = new EcdsaRefreshP2(old.p2(), SessionId.random(RANDOM), KEY_ID, RANDOM);
    RefreshCommitment m1 = p1.commit();
    assertAbort(AbortReason.WRONG_SESSION, () -> p2.contribute(m1));
    assertAbort(AbortReason.WRONG_STATE, () -> p2.contribute(m1));
    assertAbort(AbortReason.WRONG_STATE, p1::commit);
  }

  private static SignRequest request() {
    byte[] digest = new byte[32];
    RANDOM.nextBytes(digest);
    return new SignRequest(KEY_ID, digest, BigInteger.valueOf(RANDOM.nextInt(1000)));
  }
}
