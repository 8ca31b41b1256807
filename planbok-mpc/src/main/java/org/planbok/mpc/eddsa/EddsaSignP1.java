package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Node 2's side (P1) of two-party EdDSA signing (DESIGN §4; see {@link EddsaSignP2} for the flow).
 * P1 reveals R1 only after P2 is committed to R2, and releases s1 = r1 + k·a1 only after the
 * opening shows P2 committed to the same key view and message. One object signs once.
 */
public final class EddsaSignP1 implements Participant<Void> {
  private static final Ed25519 G = Ed25519.INSTANCE;

  private enum Step {
    START,
    NONCE_SENT,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private final SigningContext context;
  private final SessionId sid;
  private final SecureRandom random;
  private Commitment peerCommitment;
  private BigInteger r1;
  private EdPoint nonce;

  public EddsaSignP1(
      EddsaKeyShare share, SessionId sid, byte[] message, BigInteger tweak, SecureRandom random) {
    if (share.party() != Party.P1) {
      throw new IllegalArgumentException("EddsaSignP1 needs P1's share");
    }
    this.context = new SigningContext(share, message, tweak);
    this.sid = sid;
    this.random = random;
  }

  /** Nothing: P2 commits to its nonce first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /** R1 on P2's commitment ({@link #onCommitment}); the partial on its opening. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (stage.current()) {
      case START -> Optional.of(onCommitment(SignCommitment.fromBytes(message)).toBytes());
      case NONCE_SENT -> Optional.of(onOpening(SignOpening.fromBytes(message)).toBytes());
      case DONE, FAILED -> throw new ProtocolAbort(AbortReason.WRONG_STATE, "signing has ended");
    };
  }

  /** Whether the partial signature has gone out. */
  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  /** Nothing: P1 learns no signature, only P2 assembles it. */
  @Override
  public Void outcome() {
    stage.require(Step.DONE);
    return null;
  }

  /**
   * Round 2: stores P2's commitment and answers with R1 = r1·B, r1 hedged over that commitment too
   * ({@link HedgedNonce}), so P1's nonce is drawn only once P2 is bound to its own.
   */
  SignNonce onCommitment(SignCommitment msg) {
    stage.begin(Step.START);
    Frame.requireSession(sid, msg);
    peerCommitment = msg.commitment();
    r1 = EddsaSignP2.nonceFor(context, sid, Party.P1, peerCommitment.value(), random);
    nonce = G.multiplyGenerator(r1);
    stage.reach(Step.NONCE_SENT);
    return new SignNonce(sid, nonce);
  }

  /** Round 4: checks the opening of R2, computes k and releases s1 = r1 + k·a1 mod ℓ. */
  SignPartial onOpening(SignOpening msg) {
    stage.begin(Step.NONCE_SENT);
    Frame.requireSession(sid, msg);
    peerCommitment.verify(
        EddsaSignP2.COMMIT_LABEL,
        sid,
        Party.P2,
        new Commitment.Opening(context.noncePayload(msg.nonce()), msg.randomness()));
    EdPoint r = G.add(nonce, msg.nonce());
    if (G.isIdentity(r)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "joint nonce is the identity");
    }
    BigInteger k = context.challenge(r.encode());
    BigInteger s1 = r1.add(k.multiply(context.share.secretShare())).mod(G.order());
    r1 = null;
    stage.reach(Step.DONE);
    return new SignPartial(sid, s1);
  }
}
