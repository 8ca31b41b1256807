package org.planbok.node2.sessions.control;

/**
 * A party whose ticket is used up right after its opening is sent (and the party's own {@link
 * #afterOpening} work is done, which may refuse the session with the ticket unused), before it
 * reads Node 1's first message. Only for parties whose opening reveals nothing about the key (see
 * {@link SessionParties}); if the ticket is refused, the session ends there and the opening is
 * never followed up.
 */
final class RedeemedAfterOpening implements Node2Party {
  private final Node2Party party;
  private final Runnable redeem;
  private boolean redeemed;

  RedeemedAfterOpening(Node2Party party, Runnable redeem) {
    this.party = party;
    this.redeem = redeem;
  }

  @Override
  public Step opening() {
    return party.opening();
  }

  @Override
  public void afterOpening() {
    party.afterOpening();
    redeem.run();
    redeemed = true;
  }

  @Override
  public Step onMessage(byte[] message) {
    if (!redeemed) {
      // The transport calls afterOpening first; this guards the order, not a race.
      throw new IllegalStateException("a message before the ticket was redeemed");
    }
    return party.onMessage(message);
  }

  @Override
  public Result result() {
    return party.result();
  }

  @Override
  public void close() {
    party.close();
  }
}
