package org.planbok.node2.sessions.control;

import java.util.Optional;
import org.planbok.mpc.session.Participant;

/**
 * Node 2's one loop over a planbok-mpc {@link Participant}: its first message is the opening, each
 * message of Node 1's goes in and the reply goes out, until the party is done. The rounds are the
 * party's; an operation adds only what it keeps of the outcome ({@link #settle}), which runs before
 * the last reply leaves, so whatever Node 1 may finalize is staged here first.
 *
 * @param <R> the protocol's outcome
 */
abstract class ProtocolParty<R> implements Node2Party {
  private final Participant<R> party;

  ProtocolParty(Participant<R> party) {
    this.party = party;
  }

  @Override
  public final Step opening() {
    return party.firstMessage().map(Step::reply).orElseGet(Step::none);
  }

  @Override
  public final Step onMessage(byte[] message) {
    Optional<byte[]> reply = party.onMessage(message);
    if (!party.done()) {
      return new Step(reply.orElse(null), false);
    }
    settle(party.outcome());
    return Step.last(reply.orElse(null));
  }

  /**
   * What the operation keeps of the outcome (stage a share, record a signature), before the last
   * reply leaves; throws {@link SessionRefused} to end the session without it.
   */
  abstract void settle(R outcome);
}
