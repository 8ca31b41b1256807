package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.mpc.ecdsa.EcdsaSignRejectionTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.SessionId;

/**
 * BitForge (CVE-2023-33242): a P2 that crafts {@code c3} learns one bit of {@code xA} per abort if
 * P1 lets it retry. P1 freezes the key on the first failed signature and refuses every later sign.
 */
class EcdsaFreezeTest {
  private static final byte[] KEY_ID = "key-9".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(3), random);

  @Test
  void freezesKeyWhenC3UsesAWrongShare() {
    SignOutcome outcome =
        attack(evil -> o -> evil.partialWithShare(o, xB -> xB.add(BigInteger.ONE)));
    assertFrozenForGood(outcome);
  }

  @Test
  void freezesKeyWhenC3CarriesAnExtraPowerOfTwo() {
    SignOutcome outcome =
        attack(evil -> o -> evil.partialWithExtraTerm(o, BigInteger.TWO.pow(200)));
    assertFrozenForGood(outcome);
  }

  /**
   * The abort-oracle itself: adding {@code L·n·xA} to the plaintext changes nothing mod n unless
   * the sum wraps around N, so whether P1 aborts tells P2 whether {@code xA·L·n} exceeds about N. A
   * small L passes, a large one fails and freezes: there is no second query.
   */
  @Test
  void freezesKeyWhenCraftedC3WrapsAroundN() {
    BigInteger n = Secp256k1.N;
    BigInteger bigN = keys.p2().paillierKey().modulus();
    BigInteger small = BigInteger.ONE;
    assertInstanceOf(
        SignOutcome.Signed.class, attack(evil -> o -> evil.partialWithKeyMultiple(o, small)));
    BigInteger wraps = bigN.divide(n.multiply(keys.p1().xA())).add(BigInteger.TWO);
    assertFrozenForGood(attack(evil -> o -> evil.partialWithKeyMultiple(o, wraps)));
  }

  @Test
  void frozenShareSurvivesItsBlob() {
    EcdsaP1KeyShare frozen = keys.p1().freeze();
    assertTrue(EcdsaP1KeyShare.fromBytes(frozen.toBytes()).frozen());
    assertFalse(EcdsaP1KeyShare.fromBytes(keys.p1().toBytes()).frozen());
    assertTrue(frozen.toString().contains("FROZEN"));
  }

  private void assertFrozenForGood(SignOutcome outcome) {
    SignOutcome.Frozen frozen = assertInstanceOf(SignOutcome.Frozen.class, outcome);
    assertTrue(frozen.frozenShare().frozen());
    SignRequest next = SignRequest.untweaked(KEY_ID, new byte[32]);
    assertAbort(
        AbortReason.KEY_FROZEN,
        () -> new EcdsaSignP1(frozen.frozenShare(), SessionId.random(random), next, random));
    EcdsaP1KeyShare reloaded = EcdsaP1KeyShare.fromBytes(frozen.frozenShare().toBytes());
    assertAbort(
        AbortReason.KEY_FROZEN,
        () -> new EcdsaSignP1(reloaded, SessionId.random(random), next, random));
  }

  private SignOutcome attack(Function<MaliciousP2, Function<SignOpening, SignPartial>> crafted) {
    SessionId sid = SessionId.random(random);
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    SignRequest request = new SignRequest(KEY_ID, digest, BigInteger.valueOf(7));
    EcdsaSignP1 p1 = new EcdsaSignP1(keys.p1(), sid, request, random);
    MaliciousP2 evil = new MaliciousP2(keys.p2(), sid, request, random);
    p1.commitNonce();
    SignOpening opening = p1.openNonce(evil.nonce());
    return p1.finish(crafted.apply(evil).apply(opening));
  }
}
