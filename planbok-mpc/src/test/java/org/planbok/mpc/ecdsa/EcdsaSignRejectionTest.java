package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/** One test per check the signing parties make, named for what it rejects. */
class EcdsaSignRejectionTest {
  private static final byte[] KEY_ID = "key-7".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1 group = Secp256k1.INSTANCE;
  private final EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(0), random);
  private final SessionId sid = SessionId.random(random);
  private final SignRequest request = new SignRequest(KEY_ID, digest(), group.randomScalar(random));
  private final byte[] aux =
      request.aux(keys.p2().publicKey(), keys.p2().paillierKey(), keys.p2().cKey());
  private final EcdsaSignP1 p1 = new EcdsaSignP1(keys.p1(), sid, request, random);
  private final EcdsaSignP2 p2 = new EcdsaSignP2(keys.p2(), sid, request, random);

  // ---- commitment to R1 ----

  @Test
  void rejectsNonceOpeningToAnotherR1() {
    SignOpening honest = p1.openNonce(p2.nonce(p1.commitNonce()));
    BigInteger k = group.randomScalar(random);
    ECPoint other = group.multiplyGenerator(k);
    DlogProof proof = DlogProof.prove(group, sid, Party.P1, aux, k, other, random);
    SignOpening swapped = new SignOpening(sid, other, proof, honest.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.partial(swapped));
  }

  @Test
  void rejectsNonceOpeningWithOtherRandomness() {
    SignOpening honest = p1.openNonce(p2.nonce(p1.commitNonce()));
    byte[] rho = honest.randomness();
    rho[0] ^= 1;
    SignOpening tampered = new SignOpening(sid, honest.r1(), honest.proof(), rho);
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.partial(tampered));
  }

  // ---- DLog proofs of the nonces ----

  @Test
  void rejectsBadDlogProofForR2() {
    SignNonce honest = p2.nonce(p1.commitNonce());
    DlogProof bad = new DlogProof(honest.proof().commitment(), plusOne(honest.proof().response()));
    assertAbort(AbortReason.BAD_PROOF, () -> p1.openNonce(new SignNonce(sid, honest.r2(), bad)));
  }

  @Test
  void rejectsR2ProofFromAnotherSession() {
    SignNonce nonce = nonceProvedWith(SessionId.random(random), Party.P2, aux);
    p1.commitNonce();
    assertAbort(AbortReason.BAD_PROOF, () -> p1.openNonce(nonce));
  }

  @Test
  void rejectsR2ProofMadeAsTheOtherParty() {
    SignNonce nonce = nonceProvedWith(sid, Party.P1, aux);
    p1.commitNonce();
    assertAbort(AbortReason.BAD_PROOF, () -> p1.openNonce(nonce));
  }

  @Test
  void rejectsR2ProofForAnotherDigest() {
    SignRequest other = new SignRequest(KEY_ID, digest(), request.tweak());
    SignNonce nonce =
        nonceProvedWith(
            sid,
            Party.P2,
            other.aux(keys.p2().publicKey(), keys.p2().paillierKey(), keys.p2().cKey()));
    p1.commitNonce();
    assertAbort(AbortReason.BAD_PROOF, () -> p1.openNonce(nonce));
  }

  @Test
  void rejectsBadDlogProofForR1() {
    BigInteger k = group.randomScalar(random);
    DlogProof proof =
        DlogProof.prove(group, sid, Party.P1, aux, k, group.multiplyGenerator(k), random);
    DlogProof bad = new DlogProof(proof.commitment(), plusOne(proof.response()));
    assertAbort(AbortReason.BAD_PROOF, () -> p2.partial(consistentlyCommitted(k, bad)));
  }

  @Test
  void rejectsR1ProofFromAnotherSession() {
    BigInteger k = group.randomScalar(random);
    SessionId other = SessionId.random(random);
    DlogProof proof =
        DlogProof.prove(group, other, Party.P1, aux, k, group.multiplyGenerator(k), random);
    assertAbort(AbortReason.BAD_PROOF, () -> p2.partial(consistentlyCommitted(k, proof)));
  }

  @Test
  void rejectsR1ProofMadeAsTheOtherParty() {
    BigInteger k = group.randomScalar(random);
    DlogProof proof =
        DlogProof.prove(group, sid, Party.P2, aux, k, group.multiplyGenerator(k), random);
    assertAbort(AbortReason.BAD_PROOF, () -> p2.partial(consistentlyCommitted(k, proof)));
  }

  // ---- sessions, replays, order ----

  @Test
  void rejectsRoundMessageFromAnotherSession() {
    SessionId otherSid = SessionId.random(random);
    EcdsaSignP2 otherP2 = new EcdsaSignP2(keys.p2(), otherSid, request, random);
    SignNonce foreign =
        otherP2.nonce(new EcdsaSignP1(keys.p1(), otherSid, request, random).commitNonce());
    p1.commitNonce();
    assertAbort(AbortReason.WRONG_SESSION, () -> p1.openNonce(foreign));
  }

  @Test
  void rejectsTheSameMessageTwice() {
    SignCommitment m1 = p1.commitNonce();
    SignNonce m2 = p2.nonce(m1);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.nonce(m1));
    p1.openNonce(m2);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.openNonce(m2));
  }

  @Test
  void rejectsRoundsCalledOutOfOrder() {
    assertAbort(
        AbortReason.WRONG_STATE,
        () -> p1.openNonce(p2.nonce(new SignCommitment(sid, commitmentOf(new byte[1])))));
    assertAbort(AbortReason.WRONG_STATE, () -> p1.finish(new SignPartial(sid, BigInteger.TWO)));
    EcdsaSignP2 fresh = new EcdsaSignP2(keys.p2(), sid, request, random);
    assertAbort(AbortReason.WRONG_STATE, () -> fresh.finish(null));
  }

  // ---- points and scalars on the wire ----

  @Test
  void rejectsOffCurveR2() {
    byte[] wire = p2.nonce(p1.commitNonce()).toBytes();
    byte[] point = new byte[33];
    point[0] = 2;
    for (int x = 1; ; x++) {
      point[32] = (byte) x;
      if (!isCurveAbscissa(point)) {
        break;
      }
    }
    assertAbort(AbortReason.INVALID_POINT, () -> SignNonce.fromBytes(replacePoint(wire, point)));
  }

  @Test
  void rejectsUncompressedR2() {
    SignNonce honest = p2.nonce(p1.commitNonce());
    byte[] wire = replacePoint(honest.toBytes(), honest.r2().getEncoded(false));
    assertAbort(AbortReason.INVALID_POINT, () -> SignNonce.fromBytes(wire));
  }

  @Test
  void rejectsIdentityAsR2() {
    SignNonce honest = p2.nonce(p1.commitNonce());
    ECPoint infinity = group.generator().getCurve().getInfinity();
    assertAbort(AbortReason.INVALID_POINT, () -> new SignNonce(sid, infinity, honest.proof()));
    byte[] wire = replacePoint(honest.toBytes(), new byte[] {0});
    assertAbort(AbortReason.INVALID_POINT, () -> SignNonce.fromBytes(wire));
  }

  @Test
  void rejectsProofResponseNotBelowTheOrder() {
    byte[] wire = p2.nonce(p1.commitNonce()).toBytes();
    System.arraycopy(Secp256k1.scalarBytes(Secp256k1.N), 0, wire, wire.length - 32, 32);
    assertAbort(AbortReason.INVALID_SCALAR, () -> SignNonce.fromBytes(wire));
  }

  @Test
  void rejectsSignatureScalarNotBelowTheOrder() {
    EcdsaSignature sig = EcdsaRun.signature(EcdsaRun.sign(keys, request, random));
    byte[] wire = new SignResult(sid, sig).toBytes();
    int sOffset = wire.length - 5 - 32;
    System.arraycopy(Secp256k1.scalarBytes(Secp256k1.N.add(BigInteger.ONE)), 0, wire, sOffset, 32);
    assertAbort(AbortReason.INVALID_SCALAR, () -> SignResult.fromBytes(wire));
  }

  // ---- c3 ----

  @Test
  void rejectsZeroAsC3() {
    openSession();
    assertAbort(
        AbortReason.INVALID_PAILLIER, () -> p1.finish(new SignPartial(sid, BigInteger.ZERO)));
  }

  @Test
  void rejectsC3NotBelowNSquared() {
    openSession();
    BigInteger n2 = keys.p2().paillierKey().modulusSquared();
    assertAbort(
        AbortReason.INVALID_PAILLIER,
        () -> p1.finish(new SignPartial(sid, n2.add(BigInteger.ONE))));
  }

  @Test
  void rejectsC3SharingAFactorWithN() {
    openSession();
    BigInteger p = keys.p1().paillierKey().p();
    assertAbort(AbortReason.INVALID_PAILLIER, () -> p1.finish(new SignPartial(sid, p)));
  }

  // ---- P1's signature as P2 sees it ----

  @Test
  void rejectsSignatureFromP1ThatDoesNotVerify() {
    SignOutcome.Signed signed = signedUpToP2Finish();
    EcdsaSignature honest = signed.signature();
    EcdsaSignature bad =
        new EcdsaSignature(honest.r(), honest.s().subtract(BigInteger.ONE), honest.recoveryId());
    assertAbort(AbortReason.BAD_SIGNATURE, () -> p2.finish(new SignResult(sid, bad)));
  }

  @Test
  void rejectsSignatureFromP1WithWrongRecoveryId() {
    SignOutcome.Signed signed = signedUpToP2Finish();
    EcdsaSignature honest = signed.signature();
    EcdsaSignature bad = new EcdsaSignature(honest.r(), honest.s(), honest.recoveryId() ^ 1);
    assertAbort(AbortReason.BAD_SIGNATURE, () -> p2.finish(new SignResult(sid, bad)));
  }

  // ---- helpers ----

  private void openSession() {
    p2.partial(p1.openNonce(p2.nonce(p1.commitNonce())));
  }

  private SignOutcome.Signed signedUpToP2Finish() {
    SignPartial partial = p2.partial(p1.openNonce(p2.nonce(p1.commitNonce())));
    return assertInstanceOf(SignOutcome.Signed.class, p1.finish(partial));
  }

  private SignNonce nonceProvedWith(SessionId proofSid, Party prover, byte[] proofAux) {
    BigInteger k = group.randomScalar(random);
    ECPoint r2 = group.multiplyGenerator(k);
    return new SignNonce(
        sid, r2, DlogProof.prove(group, proofSid, prover, proofAux, k, r2, random));
  }

  /** A malicious P1 that commits honestly to (R1, proof) with a proof of its choosing. */
  private SignOpening consistentlyCommitted(BigInteger k, DlogProof proof) {
    ECPoint r1 = group.multiplyGenerator(k);
    Commitment.Committed c =
        Commitment.commit(
            EcdsaSignP1.NONCE_LABEL, sid, Party.P1, SignOpening.payload(r1, proof), random);
    p2.nonce(new SignCommitment(sid, c.commitment()));
    return new SignOpening(sid, r1, proof, c.opening().randomness());
  }

  private Commitment commitmentOf(byte[] payload) {
    return Commitment.commit(EcdsaSignP1.NONCE_LABEL, sid, Party.P1, payload, random).commitment();
  }

  private boolean isCurveAbscissa(byte[] point) {
    try {
      group.decode(point);
      return true;
    } catch (ProtocolAbort e) {
      return false;
    }
  }

  /** SignNonce wire: tag field (5), sid field (36), then the point field. */
  private static byte[] replacePoint(byte[] wire, byte[] point) {
    int at = 5 + 36;
    int oldLength = 4 + 33;
    byte[] field = new org.planbok.mpc.wire.WireWriter().bytes(point).toBytes();
    return Codec.concat(
        java.util.Arrays.copyOfRange(wire, 0, at),
        field,
        java.util.Arrays.copyOfRange(wire, at + oldLength, wire.length));
  }

  private static BigInteger plusOne(BigInteger z) {
    return z.add(BigInteger.ONE).mod(Secp256k1.N);
  }

  private byte[] digest() {
    byte[] d = new byte[32];
    random.nextBytes(d);
    return d;
  }

  static void assertAbort(AbortReason reason, Executable call) {
    ProtocolAbort abort = assertThrows(ProtocolAbort.class, call);
    assertEquals(reason, abort.reason(), abort.getMessage());
    assertTrue(abort.getMessage().length() < 200);
  }
}
