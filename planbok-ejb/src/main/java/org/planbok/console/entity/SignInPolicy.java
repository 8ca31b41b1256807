package org.planbok.console.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * How wrong passwords slow an account down: after {@code maxFailures} in a row the account is
 * locked for {@code backOff}, doubling with every further lockout up to {@code maxBackOff}. A
 * lockout ends by itself; a right password afterwards resets everything.
 */
public record SignInPolicy(int maxFailures, Duration backOff, Duration maxBackOff) {
  public SignInPolicy {
    if (maxFailures < 1 || backOff.isNegative() || maxBackOff.compareTo(backOff) < 0) {
      throw new IllegalArgumentException("a sign-in policy needs 1+ failures and backOff ≤ max");
    }
  }

  /** The end of lockout number {@code lockouts} (1 for the first). */
  public Instant lockedUntil(Instant now, int lockouts) {
    Duration length = backOff;
    for (int i = 1; i < lockouts && length.compareTo(maxBackOff) < 0; i++) {
      length = length.multipliedBy(2);
    }
    return now.plus(length.compareTo(maxBackOff) > 0 ? maxBackOff : length);
  }
}
