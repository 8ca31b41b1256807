package org.planbok.mpc.session;

/**
 * A blocking, ordered channel to the peer of one session (cb-mpc's transport interface): gRPC is
 * one adapter, an in-memory network is the test one. Protocols never see it; {@link #play} drives a
 * {@link Participant} over it.
 */
public interface Transport {

  /** Sends one protocol message to the peer. */
  void send(byte[] message);

  /** Waits for the peer's next protocol message. */
  byte[] receive();

  /**
   * Plays {@code party} to its end over this transport: its first message if it speaks first, then
   * the reply to each message of the peer until it is done. The one loop that every caller of a
   * protocol shares; the rounds themselves are the party's.
   */
  default <R> R play(Participant<R> party) {
    party.firstMessage().ifPresent(this::send);
    while (!party.done()) {
      party.onMessage(receive()).ifPresent(this::send);
    }
    return party.outcome();
  }
}
