package org.planbok.node2client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What Node 2's pepper oracle answered for a secret. */
public sealed interface SecretCheck {

  /**
   * The secret is right: the pepper (zero it with {@link #destroy()} once used) and the tickets
   * asked for, in order.
   */
  record Accepted(byte[] pepper, List<Ticket> tickets, Instant ticketsExpireAt)
      implements SecretCheck {
    public void destroy() {
      Arrays.fill(pepper, (byte) 0);
      tickets.forEach(Ticket::destroy);
    }

    @Override
    public String toString() {
      return "Accepted[redacted, " + tickets.size() + " ticket(s)]";
    }
  }

  /** Wrong secret; {@code attemptsLeft} more before it locks. */
  record WrongSecret(int attemptsLeft) implements SecretCheck {}

  /** Locked until then; the attempt was not evaluated, or was the one that locked it. */
  record Locked(Instant until) implements SecretCheck {}

  /** No such secret is enrolled for the subject. */
  record NotEnrolled() implements SecretCheck {}

  /**
   * The recovery kit is right but no recovery may complete now: none is open ({@code maturesAt}
   * null), or it waits until {@code maturesAt}.
   */
  record RecoveryNotReady(Instant maturesAt) implements SecretCheck {
    public boolean started() {
      return maturesAt != null;
    }
  }

  /**
   * The right kit opened a recovery, or answered the open one ({@code resumed}): it can complete
   * from {@code maturesAt} until {@code closesAt}.
   */
  record RecoveryStarted(Instant startedAt, Instant maturesAt, Instant closesAt, boolean resumed)
      implements SecretCheck {}
}
