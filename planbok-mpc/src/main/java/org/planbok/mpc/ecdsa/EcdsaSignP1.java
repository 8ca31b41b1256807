package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * Lindell 2017 §3.3 (Protocol 3.3, additive shares as in cb-mpc's ECDSA-2PC): P1's side of one
 * signing session, played by Node 2. Rounds: {@link #commitNonce()}, {@link #openNonce}, {@link
 * #finish}. P1 decrypts {@code c3}, verifies the result under {@code Q + t·G} and, if it does not
 * verify, freezes the key instead of retrying.
 */
public final class EcdsaSignP1 implements Participant<SignOutcome> {
  static final String NONCE_LABEL = "ecdsa2p/sign/R1";

  private enum State {
    START,
    COMMITTED,
    OPENED,
    DONE
  }

  private final EcdsaP1KeyShare share;
  private final SessionId sid;
  private final SignRequest request;
  private final SecureRandom random;
  private final byte[] aux;
  private State state = State.START;
  private BigInteger k1;
  private ECPoint r1;
  private DlogProof r1Proof;
  private Commitment.Opening opening;
  private ECPoint bigR;
  private final Runnable beforeDecrypt;
  private SignOutcome outcome;

  public EcdsaSignP1(
      EcdsaP1KeyShare share, SessionId sid, SignRequest request, SecureRandom random) {
    this(share, sid, request, random, () -> {});
  }

  /**
   * A session that runs {@code beforeDecrypt} once P2's {@code c3} has been read and before it is
   * decrypted, the one step whose result depends on the key: the caller re-reads the freeze there
   * and records that a decryption is under way, and refuses the session by throwing.
   */
  public EcdsaSignP1(
      EcdsaP1KeyShare share,
      SessionId sid,
      SignRequest request,
      SecureRandom random,
      Runnable beforeDecrypt) {
    if (share.frozen()) {
      throw new ProtocolAbort(AbortReason.KEY_FROZEN, "key is frozen after a failed signature");
    }
    this.share = share;
    this.sid = sid;
    this.request = request;
    this.random = random;
    this.beforeDecrypt = beforeDecrypt;
    this.aux = request.aux(share.publicKey(), share.paillierPublicKey(), share.cKey());
  }

  /** Round 1 ({@link #commitNonce()}). */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(commitNonce().toBytes());
  }

  /**
   * Round 3 on P2's nonce ({@link #openNonce}); round 5 on its {@code c3} ({@link #finish}), which
   * sends the signature when it verifies and nothing when the key froze: the outcome says which.
   */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (state) {
      case COMMITTED -> Optional.of(openNonce(SignNonce.fromBytes(message)).toBytes());
      case OPENED -> {
        SignPartial partial = SignPartial.fromBytes(message);
        beforeDecrypt.run();
        outcome = finish(partial);
        yield outcome instanceof SignOutcome.Signed signed
            ? Optional.of(signed.message().toBytes())
            : Optional.empty();
      }
      case START, DONE -> throw Codec.wrongState("onMessage");
    };
  }

  @Override
  public boolean done() {
    return outcome != null;
  }

  /** Signed, or Frozen: the caller must persist the freeze before it tells P2 anything. */
  @Override
  public SignOutcome outcome() {
    if (outcome == null) {
      throw Codec.wrongState("outcome");
    }
    return outcome;
  }

  /** Round 1: k1 ← Z*_n, R1 = k1·G; commit to (R1, π_R1). */
  SignCommitment commitNonce() {
    requireState(State.START, "commitNonce");
    k1 = Codec.GROUP.randomScalar(random);
    r1 = Codec.GROUP.multiplyGenerator(k1);
    r1Proof = DlogProof.prove(Codec.GROUP, sid, Party.P1, aux, k1, r1, random);
    Commitment.Committed c =
        Commitment.commit(NONCE_LABEL, sid, Party.P1, SignOpening.payload(r1, r1Proof), random);
    opening = c.opening();
    state = State.COMMITTED;
    return new SignCommitment(sid, c.commitment());
  }

  /** Round 3: verify π_R2, R = k1·R2, open the commitment. */
  SignOpening openNonce(SignNonce nonce) {
    requireState(State.COMMITTED, "openNonce");
    state = State.DONE;
    Codec.requireSession(sid, nonce.sid());
    nonce.proof().verify(Codec.GROUP, sid, Party.P2, aux, nonce.r2());
    bigR = Codec.GROUP.multiply(nonce.r2(), k1);
    if (bigR.isInfinity() || Signing.r(bigR).signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "joint nonce gives r = 0");
    }
    state = State.OPENED;
    return new SignOpening(sid, r1, r1Proof, opening.randomness());
  }

  /**
   * Round 5: s = k1⁻¹·Dec(c3) mod n, low-S, recovery id; verify under Q + t·G. A signature that
   * does not verify freezes the key: first failure, no retry.
   */
  SignOutcome finish(SignPartial partial) {
    requireState(State.OPENED, "finish");
    state = State.DONE;
    Codec.requireSession(sid, partial.sid());
    BigInteger c3 = share.paillierPublicKey().requireCiphertext(partial.c3(), "c3");
    BigInteger n = Secp256k1.N;
    BigInteger sPrime = share.paillierKey().decrypt(c3).mod(n);
    BigInteger s = k1.modInverse(n).multiply(sPrime).mod(n);
    k1 = null;
    if (s.signum() == 0) {
      return new SignOutcome.Frozen(share.freeze());
    }
    EcdsaSignature signature = Signing.lowS(Signing.r(bigR), s, Signing.recoveryId(bigR));
    if (!signature.verifies(request.signingKey(share.publicKey()), request.digest())) {
      return new SignOutcome.Frozen(share.freeze());
    }
    return new SignOutcome.Signed(signature, new SignResult(sid, signature));
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
