package org.planbok.node2client;

import jakarta.ejb.ApplicationException;

/**
 * Node 2 could not be reached or did not answer in time. The REST layer turns it into a 503
 * problem; the reason says which, without internals.
 */
@ApplicationException(rollback = true)
public class Node2Unavailable extends RuntimeException {
  /** Why Node 2 is unavailable; stable names, shown to API callers and in health data. */
  public enum Reason {
    UNREACHABLE,
    UNTRUSTED_PEER,
    TIMEOUT,
    REFUSED,
    /** The key has its cap of signing sessions open at Node 2; one ends within seconds. */
    BUSY
  }

  private final Reason reason;

  public Node2Unavailable(Reason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
