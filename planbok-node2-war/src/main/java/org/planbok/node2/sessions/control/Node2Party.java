package org.planbok.node2.sessions.control;

/**
 * Node 2's side of one protocol session. The transport asks for the opening step (a message when
 * Node 2 speaks first; for a one-message protocol also the end), then hands over each message from
 * Node 1 and sends back the reply, until the party says it is finished, and closes the party
 * however the session ended. Every method but {@link #close()} throws {@code ProtocolAbort} or
 * {@link SessionRefused} to end the session.
 */
public interface Node2Party {

  /** Node 2's first step, before Node 1 has sent any round. */
  Step opening();

  /**
   * Runs once the opening is on its way and before any message of Node 1's is handled (gRPC hands a
   * stream's messages over one at a time, after this returns): work that must precede Node 2's
   * second step but not its first, so it overlaps the round trip.
   */
  default void afterOpening() {}

  /** Handles one message from Node 1. */
  Step onMessage(byte[] message);

  /** What the session produced, for Node 1's closing frame: the key id and public key, if any. */
  Result result();

  /** Forgets the secrets the party still holds; called once the session has ended, in any way. */
  default void close() {}

  /** A reply to send (may be null) and whether the protocol is complete after it. */
  record Step(byte[] reply, boolean finished) {
    /** Nothing to send yet: Node 1 speaks first. */
    public static Step none() {
      return new Step(null, false);
    }

    public static Step reply(byte[] reply) {
      return new Step(reply, false);
    }

    public static Step last(byte[] reply) {
      return new Step(reply, true);
    }
  }

  /**
   * The session's result as Node 1 learns it; {@code devicePart} is an export's part sealed by Node
   * 2 to the device (empty otherwise).
   */
  record Result(String keyId, byte[] publicKey, byte[] devicePart) {
    public Result(String keyId, byte[] publicKey) {
      this(keyId, publicKey, new byte[0]);
    }
  }
}
