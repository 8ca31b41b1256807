package org.planbok.node2.sessions.control;

import java.util.Optional;

/**
 * Node 2's side of one protocol session. The transport asks for the opening message (when Node 2
 * speaks first), then hands over each message from Node 1 and sends back the reply, until the party
 * says it is finished. Every method throws {@code ProtocolAbort} or {@link SessionRefused} to end
 * the session.
 */
public interface Node2Party {

  /** Node 2's first message, when the protocol has Node 2 speak first. */
  Optional<byte[]> opening();

  /** Handles one message from Node 1. */
  Step onMessage(byte[] message);

  /** What the session produced, for Node 1's closing frame: the key id and public key, if any. */
  Result result();

  /** A reply to send (may be null) and whether the protocol is complete after it. */
  record Step(byte[] reply, boolean finished) {
    public static Step reply(byte[] reply) {
      return new Step(reply, false);
    }

    public static Step last(byte[] reply) {
      return new Step(reply, true);
    }
  }

  /** The session's result as Node 1 learns it. */
  record Result(String keyId, byte[] publicKey) {}
}
