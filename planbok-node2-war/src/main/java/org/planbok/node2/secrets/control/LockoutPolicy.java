package org.planbok.node2.secrets.control;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} wrong attempts in a row the secret locks: for {@code backOff} the first
 * time, twice as long each further time ({@code backOff × 2^(lockouts−1)}), never longer than
 * {@code maxBackOff}. A success resets both the failures and the lockouts.
 */
public record LockoutPolicy(int maxFailures, Duration backOff, Duration maxBackOff) {
  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("max-failures must be at least 1");
    }
    if (backOff.isNegative() || backOff.isZero() || maxBackOff.compareTo(backOff) < 0) {
      throw new IllegalArgumentException("need 0 < back-off <= max-back-off");
    }
  }

  /** The end of the {@code lockouts}-th lockout (1 for the first) starting {@code now}. */
  public Instant lockedUntil(Instant now, int lockouts) {
    int doublings = Math.max(0, lockouts - 1);
    Duration wait = maxBackOff;
    if (doublings < 62 && backOff.toMillis() <= (maxBackOff.toMillis() >> doublings)) {
      wait = backOff.multipliedBy(1L << doublings);
    }
    return now.plus(wait);
  }
}
