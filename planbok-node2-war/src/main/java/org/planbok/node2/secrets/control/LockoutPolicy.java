package org.planbok.node2.secrets.control;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} wrong attempts in a row the secret locks: for {@code backOff} the first
 * time, twice as long each further time ({@code backOff × 2^(lockouts−1)}), never longer than
 * {@code maxBackOff}. A success resets the failures but not the lockout level, which falls by one
 * per {@code decay} after the last lockout ended: an attacker who also holds the right secret (or
 * waits for its owner to use it) cannot reset the back-off by interleaving one correct check.
 */
public record LockoutPolicy(
    int maxFailures, Duration backOff, Duration maxBackOff, Duration decay) {
  /** The default decay: one lockout level a day. */
  public static final Duration DAILY = Duration.ofDays(1);

  public LockoutPolicy(int maxFailures, Duration backOff, Duration maxBackOff) {
    this(maxFailures, backOff, maxBackOff, DAILY);
  }

  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("max-failures must be at least 1");
    }
    if (backOff.isNegative() || backOff.isZero() || maxBackOff.compareTo(backOff) < 0) {
      throw new IllegalArgumentException("need 0 < back-off <= max-back-off");
    }
    if (decay.isNegative() || decay.isZero()) {
      throw new IllegalArgumentException("lockout-decay must be positive");
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
