package org.planbok.idempotency.control;

import jakarta.ejb.ApplicationException;

/**
 * The call inside an idempotent run failed with something other than a control-layer refusal (a
 * boundary's problem, a validation or web exception): rolled back, and handed to the caller to
 * render, not logged as an EJB failure.
 */
@ApplicationException(rollback = true)
public class IdempotentCallFailed extends RuntimeException {
  public IdempotentCallFailed(Exception cause) {
    super(cause);
  }
}
