package org.planbok.idempotency.control;

import jakarta.ejb.ApplicationException;

/**
 * Another call with the same key committed its record first (the unique constraint refused ours);
 * ours is rolled back and the caller looks the winner's response up.
 */
@ApplicationException(rollback = true)
public class IdempotencyRace extends RuntimeException {
  public IdempotencyRace() {
    super("another call with this idempotency key ran first", null, false, false);
  }
}
