package org.planbok.mpc.session;

import java.util.Optional;

/**
 * One party of one two-party protocol session, over bytes: the one contract every protocol of this
 * library offers (key generation, signing and refresh, on both curves, both roles). The round order
 * lives in the party alone; a transport only carries what it is given:
 *
 * <ol>
 *   <li>{@link #firstMessage()} once: the party's opening message, or empty when the peer speaks
 *       first;
 *   <li>{@link #onMessage} with each message of the peer, sending any reply back, until {@link
 *       #done()};
 *   <li>{@link #outcome()}: what the session produced (a key share, a signature).
 * </ol>
 *
 * <p>{@link Transport#play} is that loop over a blocking transport. Every method throws {@link
 * ProtocolAbort} when the peer misbehaves or the caller drives the party out of order; the party
 * then refuses every later call.
 *
 * @param <R> the session's outcome
 */
public interface Participant<R> {

  /** The party's first message, or empty when the peer speaks first. Called once, first. */
  Optional<byte[]> firstMessage();

  /** Handles the peer's next message; the reply to send, or empty when there is none. */
  Optional<byte[]> onMessage(byte[] message);

  /** Whether the party has sent or received its last message; its outcome is then ready. */
  boolean done();

  /**
   * What the session produced; {@link ProtocolAbort} with {@code WRONG_STATE} before {@link
   * #done()}.
   */
  R outcome();
}
