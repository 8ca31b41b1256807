package org.planbok.mpc.eddsa;

import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Node 1's side (P2) of share refresh; see {@link EddsaRefreshP1} for the flow. P2 accepts the new
 * share only if P1's opening matches its commitment, which also shows that P1 refreshed the same
 * generation of the key (A, A1, A2) as P2.
 */
public final class EddsaRefreshP2 implements Participant<EddsaKeyShare> {
  private enum Step {
    START,
    CONTRIBUTED,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private EddsaKeyShare refreshed;
  private final EddsaKeyShare share;
  private final SessionId sid;
  private final SecureRandom random;
  private Commitment peerCommitment;
  private byte[] delta2;

  public EddsaRefreshP2(EddsaKeyShare share, SessionId sid, SecureRandom random) {
    if (share.party() != Party.P2) {
      throw new IllegalArgumentException("EddsaRefreshP2 needs P2's share");
    }
    this.share = share;
    this.sid = sid;
    this.random = random;
  }

  /** Nothing: P1 commits first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /** The contribution on P1's commitment ({@link #onCommitment}); the end on its opening. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (stage.current()) {
      case START -> Optional.of(onCommitment(RefreshCommitment.fromBytes(message)).toBytes());
      case CONTRIBUTED -> {
        refreshed = onOpening(RefreshOpening.fromBytes(message));
        yield Optional.empty();
      }
      case DONE, FAILED -> throw new ProtocolAbort(AbortReason.WRONG_STATE, "refresh has ended");
    };
  }

  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  /** The refreshed share. */
  @Override
  public EddsaKeyShare outcome() {
    stage.require(Step.DONE);
    return refreshed;
  }

  /** Round 2: stores P1's commitment and contributes δ2. */
  RefreshContribution onCommitment(RefreshCommitment msg) {
    stage.begin(Step.START);
    Frame.requireSession(sid, msg);
    peerCommitment = msg.commitment();
    delta2 = KeyGenRules.randomBytes(random, RefreshContribution.LENGTH);
    stage.reach(Step.CONTRIBUTED);
    return new RefreshContribution(sid, delta2);
  }

  /** Round 4: checks the opening and returns P2's new share. */
  EddsaKeyShare onOpening(RefreshOpening msg) {
    stage.begin(Step.CONTRIBUTED);
    Frame.requireSession(sid, msg);
    byte[] delta1 = msg.contribution();
    peerCommitment.verify(
        RefreshRules.COMMIT_LABEL,
        sid,
        Party.P1,
        new Commitment.Opening(RefreshRules.payload(share, delta1), msg.randomness()));
    EddsaKeyShare refreshed =
        RefreshRules.refreshed(
            share,
            RefreshRules.delta(sid, share, delta1, delta2),
            KeyGenRules.randomBytes(random, 32));
    stage.reach(Step.DONE);
    return refreshed;
  }
}
