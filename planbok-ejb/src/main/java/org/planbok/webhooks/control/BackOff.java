package org.planbok.webhooks.control;

import java.time.Duration;

/**
 * How long to wait after a failed attempt: {@code initial × 2^(n−1)} after the n-th failure, capped
 * at {@code max}; after {@code maxAttempts} attempts there is no next one (the delivery failed).
 * With the defaults (30 s, 1 h, 10 attempts) a receiver that is down gets its event for about five
 * hours: 30 s, 1, 2, 4, 8, 16, 32 min, then hourly.
 */
public record BackOff(Duration initial, Duration max, int maxAttempts) {
  public BackOff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("back-off: 0 < initial <= max");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("back-off: at least one attempt");
    }
  }

  /** The wait after {@code failures} failed attempts, or null when no attempt is left. */
  public Duration after(int failures) {
    if (failures >= maxAttempts) {
      return null;
    }
    Duration wait = initial;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
