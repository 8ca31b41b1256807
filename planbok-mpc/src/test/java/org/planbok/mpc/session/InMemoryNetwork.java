package org.planbok.mpc.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test network of every two-party protocol (cb-mpc's in-memory network): runs two {@link
 * Participant}s against each other over bytes, each message through a {@link Wire}, which a test
 * may use to count, record or alter what the parties send. Whoever has a first message speaks
 * first; the run ends when the party whose turn it is has nothing to send (both are then done, or
 * one stopped the session on purpose, as P1 does when a signature freezes its key).
 */
public final class InMemoryNetwork {
  /** What the wire does to message {@code number} (1, 2, …); the identity for an honest run. */
  @FunctionalInterface
  public interface Wire {
    byte[] carry(int number, byte[] message);
  }

  private final List<byte[]> transcript = new ArrayList<>();
  private final Wire wire;

  private InMemoryNetwork(Wire wire) {
    this.wire = wire;
  }

  /** Runs both parties over an honest wire; returns every message in order. */
  public static List<byte[]> run(Participant<?> a, Participant<?> b) {
    return run(a, b, (number, message) -> message);
  }

  /**
   * Runs both parties, each message through {@code wire} (which returns the message delivered);
   * returns every message as sent, in order. A {@link ProtocolAbort} of either party ends the run.
   */
  public static List<byte[]> run(Participant<?> a, Participant<?> b, Wire wire) {
    InMemoryNetwork network = new InMemoryNetwork(wire);
    Optional<byte[]> fromA = a.firstMessage();
    Optional<byte[]> fromB = b.firstMessage();
    if (fromA.isPresent() == fromB.isPresent()) {
      throw new IllegalArgumentException("exactly one party must speak first");
    }
    Participant<?> sender = fromA.isPresent() ? a : b;
    Optional<byte[]> next = fromA.isPresent() ? fromA : fromB;
    while (next.isPresent()) {
      Participant<?> receiver = sender == a ? b : a;
      next = receiver.onMessage(network.carry(next.get()));
      sender = receiver;
    }
    return network.transcript;
  }

  private byte[] carry(byte[] message) {
    transcript.add(message.clone());
    return wire.carry(transcript.size(), message);
  }
}
