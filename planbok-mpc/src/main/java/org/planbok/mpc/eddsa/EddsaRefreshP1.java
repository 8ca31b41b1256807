package org.planbok.mpc.eddsa;

import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;

/**
 * Node 2's side (P1) of share refresh (DESIGN §4): the shares change, A and the chain code do not.
 *
 * <pre>
 * P1 → P2  RefreshCommitment    C = Com(A, A1, A2, δ1)
 * P2 → P1  RefreshContribution  δ2
 * P1 → P2  RefreshOpening       δ1, ρ
 *          δ = H(δ1, δ2, sid) mod ℓ;  a1' = a1 + δ,  a2' = a2 − δ
 * </pre>
 *
 * Neither party can bias δ: P1 is bound to δ1 before it sees δ2. Each party must keep its old share
 * until the new pair has produced a verified signature: P1 finishes before P2 has checked the
 * opening, and an abort on P2's side leaves P2 on the old generation.
 */
public final class EddsaRefreshP1 implements Participant<EddsaKeyShare> {
  private enum Step {
    START,
    COMMITTED,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private final EddsaKeyShare share;
  private final SessionId sid;
  private final SecureRandom random;
  private Commitment.Committed committed;
  private byte[] delta1;
  private EddsaKeyShare refreshed;

  public EddsaRefreshP1(EddsaKeyShare share, SessionId sid, SecureRandom random) {
    if (share.party() != Party.P1) {
      throw new IllegalArgumentException("EddsaRefreshP1 needs P1's share");
    }
    this.share = share;
    this.sid = sid;
    this.random = random;
  }

  /** The commitment ({@link #start()}). */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(start().toBytes());
  }

  /**
   * The opening on P2's contribution ({@link #onContribution}); the new share is ready after it.
   */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    stage.require(Step.COMMITTED);
    return Optional.of(onContribution(RefreshContribution.fromBytes(message)).toBytes());
  }

  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  /** The refreshed share, which the caller destroys once it has stored it. */
  @Override
  public EddsaKeyShare outcome() {
    return keyShare();
  }

  /** Round 1: commits to δ1 and to P1's view of the key. */
  RefreshCommitment start() {
    stage.begin(Step.START);
    delta1 = KeyGenRules.randomBytes(random, RefreshContribution.LENGTH);
    committed =
        Commitment.commit(
            RefreshRules.COMMIT_LABEL, sid, Party.P1, RefreshRules.payload(share, delta1), random);
    stage.reach(Step.COMMITTED);
    return new RefreshCommitment(sid, committed.commitment());
  }

  /** Round 3: receives δ2, computes the new share and opens the commitment. */
  RefreshOpening onContribution(RefreshContribution msg) {
    stage.begin(Step.COMMITTED);
    Frame.requireSession(sid, msg);
    refreshed =
        RefreshRules.refreshed(
            share,
            RefreshRules.delta(sid, share, delta1, msg.contribution()),
            KeyGenRules.randomBytes(random, 32));
    stage.reach(Step.DONE);
    return new RefreshOpening(sid, delta1, committed.opening().randomness());
  }

  /** P1's new share, once the opening has been produced. */
  public EddsaKeyShare keyShare() {
    stage.require(Step.DONE);
    return refreshed;
  }
}
