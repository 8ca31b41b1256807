package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.mpc.eddsa.EddsaSignTest.assertAbort;
import static org.planbok.mpc.eddsa.EddsaSignTest.bouncyCastleVerifies;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.SessionId;

class EddsaRefreshTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final EddsaRun.Keys OLD = EddsaRun.keyGen(RANDOM);
  private final byte[] message = "refresh me".getBytes();

  @Test
  void refreshKeepsTheKeyAndChangesTheShares() {
    EddsaRun.Keys fresh = EddsaRun.refresh(OLD, RANDOM);
    assertEquals(OLD.p1().publicKey(), fresh.p1().publicKey());
    assertEquals(OLD.p2().publicKey(), fresh.p2().publicKey());
    assertNotEquals(OLD.p1().secretShare(), fresh.p1().secretShare());
    assertNotEquals(OLD.p2().secretShare(), fresh.p2().secretShare());
    assertNotEquals(OLD.p1().p1PublicShare(), fresh.p1().p1PublicShare());
    assertEquals(fresh.p1().p1PublicShare(), fresh.p2().p1PublicShare());
    assertEquals(
        OLD.p1().secretShare().add(OLD.p2().secretShare()).mod(Ed25519.L),
        fresh.p1().secretShare().add(fresh.p2().secretShare()).mod(Ed25519.L));
  }

  @Test
  void newSharesSignUnderTheOldKeyAndSurviveTheirBlob() {
    EddsaRun.Keys fresh = EddsaRun.refresh(EddsaRun.refresh(OLD, RANDOM), RANDOM);
    EddsaRun.Keys reloaded =
        new EddsaRun.Keys(
            EddsaKeyShare.fromBytes(fresh.p1().toBytes()),
            EddsaKeyShare.fromBytes(fresh.p2().toBytes()));
    for (int i = 0; i < 20; i++) {
      EddsaSignature sig = EddsaRun.sign(reloaded, message, BigInteger.ZERO, RANDOM).signature();
      assertTrue(bouncyCastleVerifies(OLD.p1().publicKey().encode(), message, sig.toBytes()));
    }
  }

  @Test
  void rejectsMixingOldAndNewSharesAfterRefresh() {
    EddsaRun.Keys fresh = EddsaRun.refresh(OLD, RANDOM);
    EddsaRun.Keys oldP1NewP2 = new EddsaRun.Keys(OLD.p1(), fresh.p2());
    EddsaRun.Keys newP1OldP2 = new EddsaRun.Keys(fresh.p1(), OLD.p2());
    // The nonce commitment binds each party's view of (A1, A2): P1 stops before releasing s1.
    assertAbort(
        AbortReason.BAD_COMMITMENT,
        () -> EddsaRun.sign(oldP1NewP2, message, BigInteger.ZERO, RANDOM));
    assertAbort(
        AbortReason.BAD_COMMITMENT,
        () -> EddsaRun.sign(newP1OldP2, message, BigInteger.ZERO, RANDOM));
    // Nor can mixed shares refresh, or be reconstructed.
    assertAbort(AbortReason.BAD_COMMITMENT, () -> EddsaRun.refresh(oldP1NewP2, RANDOM));
    assertAbort(
        AbortReason.WRONG_SESSION,
        () -> EddsaKeyExport.reconstruct(OLD.p1(), fresh.p2(), BigInteger.ZERO));
    // Their scalars do not add up to the key either.
    assertNotEquals(
        OLD.p1().publicKey(),
        Ed25519.INSTANCE.multiplyGenerator(OLD.p1().secretShare().add(fresh.p2().secretShare())));
  }

  @Test
  void rejectsBadCommitmentOpening() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(OLD.p1(), sid, RANDOM);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(OLD.p2(), sid, RANDOM);
    RefreshOpening o = p1.onContribution(p2.onCommitment(p1.start()));
    byte[] delta1 = o.contribution();
    delta1[0] ^= 1; // P1 tries to steer δ after seeing δ2
    RefreshOpening bad = new RefreshOpening(sid, delta1, o.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.onOpening(bad));
  }

  @Test
  void rejectsMessagesFromAnotherSessionAndReplays() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(OLD.p1(), sid, RANDOM);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(OLD.p2(), sid, RANDOM);
    SessionId otherSid = SessionId.random(RANDOM);
    RefreshCommitment foreign = new EddsaRefreshP1(OLD.p1(), otherSid, RANDOM).start();
    assertAbort(AbortReason.WRONG_SESSION, () -> p2.onCommitment(foreign));
    EddsaRefreshP2 q2 = new EddsaRefreshP2(OLD.p2(), sid, RANDOM);
    RefreshCommitment c = p1.start();
    RefreshContribution d = q2.onCommitment(c);
    assertAbort(AbortReason.WRONG_STATE, () -> q2.onCommitment(c));
    p1.onContribution(d);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onContribution(d));
  }

  @Test
  void rejectsRoundsOutOfOrder() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(OLD.p1(), sid, RANDOM);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(OLD.p2(), sid, RANDOM);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.keyShare());
    assertAbort(
        AbortReason.WRONG_STATE,
        () -> p1.onContribution(new RefreshContribution(sid, new byte[32])));
    assertAbort(
        AbortReason.WRONG_STATE,
        () -> p2.onOpening(new RefreshOpening(sid, new byte[32], new byte[32])));
  }
}
