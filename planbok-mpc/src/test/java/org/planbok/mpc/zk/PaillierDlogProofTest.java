package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.planbok.mpc.zk.PaillierKeyProofTest.assertAbort;
import static org.planbok.mpc.zk.PaillierKeyProofTest.assertAbortSaying;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.PaillierDlogProof.LinkRound;
import org.planbok.mpc.zk.PaillierDlogProof.RangeRound;

class PaillierDlogProofTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Secp256k1 CURVE = Secp256k1.INSTANCE;
  private static final PaillierSecretKey SK = TestKeys.first();
  private static final PaillierPublicKey PK = SK.publicKey();
  private static final SessionId SID = SessionId.random(RANDOM);
  private static final byte[] AUX = "key-1".getBytes();
  private static final BigInteger X = CURVE.randomScalar(RANDOM);
  private static final ECPoint Q = CURVE.multiplyGenerator(X);
  private static final BigInteger R = PK.randomUnit(RANDOM);
  private static final BigInteger C_KEY = PK.encrypt(X, R);
  private static final PaillierDlogProof PROOF =
      PaillierDlogProof.prove(SK, X, R, C_KEY, Q, SID, Party.P1, AUX, RANDOM);

  @Test
  void honestProofVerifies() {
    PROOF.verify(PK, C_KEY, Q, SID, Party.P1, AUX);
  }

  @Test
  void honestProofsUnderOtherKeysVerify() {
    for (PaillierSecretKey key : List.of(TestKeys.second(), TestKeys.third())) {
      PaillierPublicKey pk = key.publicKey();
      BigInteger r = pk.randomUnit(RANDOM);
      BigInteger c = pk.encrypt(X, r);
      PaillierDlogProof.prove(key, X, r, c, Q, SID, Party.P1, AUX, RANDOM)
          .verify(pk, c, Q, SID, Party.P1, AUX);
    }
  }

  @Test
  void roundTripsThroughBytes() {
    PaillierDlogProof decoded = PaillierDlogProof.fromBytes(PROOF.toBytes());
    assertEquals(PROOF, decoded);
    decoded.verify(PK, C_KEY, Q, SID, Party.P1, AUX);
  }

  @Test
  void proverRefusesPlaintextNotBelowOrder() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PaillierDlogProof.prove(SK, Secp256k1.N, R, C_KEY, Q, SID, Party.P1, AUX, RANDOM));
  }

  @Test
  void rejectsCKeyNotCoprimeToN() {
    BigInteger notUnit = SK.p().multiply(BigInteger.valueOf(12345));
    assertAbort(
        AbortReason.INVALID_PAILLIER, () -> PROOF.verify(PK, notUnit, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsCKeyNotBelowNSquared() {
    BigInteger big = C_KEY.add(PK.modulusSquared());
    assertAbort(AbortReason.INVALID_PAILLIER, () -> PROOF.verify(PK, big, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsCKeyEncryptingAnotherValue() {
    BigInteger other = PK.encrypt(X.add(BigInteger.ONE), R);
    PaillierDlogProof cheat =
        new PaillierDlogProver(SK, X, R, RANDOM).prove(other, Q, SID, Party.P1, AUX);
    assertAbort(AbortReason.BAD_PROOF, () -> cheat.verify(PK, other, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsPlaintextFarOutOfRange() {
    // consistent with Q (x' ≡ x mod q) but x' ≈ 2^356, beyond the proven bound 2^352
    BigInteger far = X.add(Secp256k1.N.shiftLeft(100));
    assertCheatRejected(far);
  }

  @Test
  void rejectsPlaintextNearN() {
    // x' = x + k·q just below N: the "wrap around" plaintext a cheating P1 would like
    BigInteger k = PK.modulus().subtract(X).divide(Secp256k1.N);
    assertCheatRejected(X.add(k.multiply(Secp256k1.N)));
  }

  @Test
  void acceptsPlaintextWithinTheDocumentedSlack() {
    // x + q is out of [0, q) but inside |x| < 2^352; harmless for Lindell's masking (see Javadoc)
    BigInteger slack = X.add(Secp256k1.N);
    BigInteger c = PK.encrypt(slack, R);
    new PaillierDlogProver(SK, slack, R, RANDOM)
        .prove(c, Q, SID, Party.P1, AUX)
        .verify(PK, c, Q, SID, Party.P1, AUX);
  }

  @Test
  void rejectsProofForAnotherQ() {
    ECPoint other = CURVE.multiplyGenerator(CURVE.randomScalar(RANDOM));
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(PK, C_KEY, other, SID, Party.P1, AUX));
  }

  @Test
  void rejectsProofForAnotherCKeyOfTheSameValue() {
    BigInteger again = PK.encrypt(X, RANDOM);
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(PK, again, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsWrongSessionId() {
    assertAbort(
        AbortReason.BAD_PROOF,
        () -> PROOF.verify(PK, C_KEY, Q, SessionId.random(RANDOM), Party.P1, AUX));
  }

  @Test
  void rejectsWrongParty() {
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(PK, C_KEY, Q, SID, Party.P2, AUX));
  }

  @Test
  void rejectsWrongAux() {
    assertAbort(
        AbortReason.BAD_PROOF, () -> PROOF.verify(PK, C_KEY, Q, SID, Party.P1, "key-2".getBytes()));
  }

  @Test
  void rejectsModulusWithSmallFactor() {
    BigInteger n = PK.modulus();
    BigInteger threeTimes = n.subtract(n.mod(BigInteger.valueOf(6))).add(BigInteger.valueOf(3));
    PaillierPublicKey bad = new PaillierPublicKey(threeTimes);
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER,
        "prime factor below",
        () -> PROOF.verify(bad, C_KEY, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTamperedCommitment() {
    ECPoint moved = PedersenGroup.INSTANCE.add(PROOF.commitment(), PedersenGroup.INSTANCE.h());
    PaillierDlogProof t = new PaillierDlogProof(moved, PROOF.rangeRounds(), PROOF.linkRounds());
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, C_KEY, Q, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTamperedRangeValue() {
    List<RangeRound> range = new ArrayList<>(PROOF.rangeRounds());
    RangeRound r = range.get(5);
    range.set(5, new RangeRound(r.mask(), r.value().add(BigInteger.ONE), r.blind()));
    assertTampered(new PaillierDlogProof(PROOF.commitment(), range, PROOF.linkRounds()));
  }

  @Test
  void rejectsRangeValueAboveBound() {
    List<RangeRound> range = new ArrayList<>(PROOF.rangeRounds());
    RangeRound r = range.get(0);
    BigInteger big = r.value().add(BigInteger.ONE.shiftLeft(PaillierDlogProof.RANGE_BITS));
    range.set(0, new RangeRound(r.mask(), big, r.blind()));
    assertTampered(new PaillierDlogProof(PROOF.commitment(), range, PROOF.linkRounds()));
  }

  @Test
  void rejectsTamperedLinkResponse() {
    assertTampered(
        withLink(
            0,
            l ->
                new LinkRound(
                    l.cipher(),
                    l.pedersen(),
                    l.point(),
                    l.value().add(BigInteger.ONE),
                    l.blind(),
                    l.randomness())));
  }

  @Test
  void rejectsTamperedLinkRandomness() {
    assertTampered(
        withLink(
            3,
            l ->
                new LinkRound(
                    l.cipher(),
                    l.pedersen(),
                    l.point(),
                    l.value(),
                    l.blind(),
                    l.randomness().add(BigInteger.ONE))));
  }

  @Test
  void rejectsTamperedLinkCiphertext() {
    BigInteger n2 = PK.modulusSquared();
    assertTampered(
        withLink(
            9,
            l ->
                new LinkRound(
                    l.cipher().multiply(PK.encrypt(BigInteger.ONE, BigInteger.ONE)).mod(n2),
                    l.pedersen(),
                    l.point(),
                    l.value(),
                    l.blind(),
                    l.randomness())));
  }

  @Test
  void rejectsTamperedLinkPoint() {
    assertTampered(
        withLink(
            1,
            l ->
                new LinkRound(
                    l.cipher(),
                    l.pedersen(),
                    CURVE.add(l.point(), CURVE.generator()),
                    l.value(),
                    l.blind(),
                    l.randomness())));
  }

  @Test
  void rejectsTruncatedBytes() {
    byte[] b = PROOF.toBytes();
    assertAbort(
        AbortReason.MALFORMED_MESSAGE,
        () -> PaillierDlogProof.fromBytes(Arrays.copyOf(b, b.length - 1)));
  }

  @Test
  void rejectsOversizedBytes() {
    byte[] b = PROOF.toBytes();
    assertAbort(
        AbortReason.MALFORMED_MESSAGE,
        () -> PaillierDlogProof.fromBytes(Arrays.copyOf(b, b.length + 4)));
  }

  @Test
  void rejectsInvalidPedersenPointEncoding() {
    byte[] b = PROOF.toBytes();
    b[4] = 0x05; // first byte of C's compressed encoding
    assertAbort(AbortReason.INVALID_POINT, () -> PaillierDlogProof.fromBytes(b));
  }

  private static void assertCheatRejected(BigInteger plaintext) {
    BigInteger c = PK.encrypt(plaintext, R);
    PaillierDlogProof cheat =
        new PaillierDlogProver(SK, plaintext, R, RANDOM).prove(c, Q, SID, Party.P1, AUX);
    assertAbort(AbortReason.BAD_PROOF, () -> cheat.verify(PK, c, Q, SID, Party.P1, AUX));
  }

  private static void assertTampered(PaillierDlogProof t) {
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, C_KEY, Q, SID, Party.P1, AUX));
  }

  private static PaillierDlogProof withLink(
      int i, java.util.function.UnaryOperator<LinkRound> change) {
    List<LinkRound> link = new ArrayList<>(PROOF.linkRounds());
    link.set(i, change.apply(link.get(i)));
    return new PaillierDlogProof(PROOF.commitment(), PROOF.rangeRounds(), link);
  }
}
