package org.planbok.node2.secrets.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.planbok.node2.tickets.control.Ticket;

/** What a secret check answered. */
public sealed interface CheckOutcome {

  /**
   * The secret matched: the pepper (the caller zeroes it with {@link #destroy()} once sent) and one
   * ticket for each one asked for, in the order asked.
   */
  record Accepted(byte[] pepper, List<Ticket> tickets) implements CheckOutcome {
    public Accepted {
      tickets = List.copyOf(tickets);
    }

    /** When the first of the tickets expires, or null when none was asked for. */
    public Instant ticketsExpireAt() {
      return tickets.stream().map(Ticket::expiresAt).min(Instant::compareTo).orElse(null);
    }

    public void destroy() {
      Arrays.fill(pepper, (byte) 0);
    }

    @Override
    public String toString() {
      return "Accepted[pepper redacted, " + tickets + "]";
    }
  }

  /** Wrong secret; {@code attemptsLeft} more before a lockout. */
  record Rejected(int attemptsLeft) implements CheckOutcome {}

  /** Locked out until then (this attempt was not evaluated, or was the one that locked). */
  record Locked(Instant until) implements CheckOutcome {}

  /** No secret of that purpose is enrolled for the subject. */
  record NotEnrolled() implements CheckOutcome {}

  /**
   * A delayed secret (the recovery kit) was right, but no recovery may complete now: none is open
   * ({@code maturesAt} null), or it waits until {@code maturesAt}. Not a wrong attempt.
   */
  record RecoveryNotReady(Instant maturesAt) implements CheckOutcome {
    public boolean started() {
      return maturesAt != null;
    }
  }

  /**
   * The right kit opened a recovery, or answered the one already open ({@code resumed}): it may
   * complete from {@code maturesAt} until {@code closesAt}.
   */
  record RecoveryStarted(
      String id, Instant startedAt, Instant maturesAt, Instant closesAt, boolean resumed)
      implements CheckOutcome {}
}
