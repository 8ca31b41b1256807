package org.planbok.node2.keys.control;

import org.planbok.node2.keys.entity.KeyId;

/** A key share operation that Node 2 refuses; nothing was changed. */
public class KeyRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    UNKNOWN_KEY,
    ALREADY_EXISTS,
    NOT_COMMITTED,
    UNSUPPORTED_CURVE,
    /** A refresh of a generation that another refresh has replaced meanwhile. */
    STALE_GENERATION
  }

  private final Reason reason;

  public KeyRefused(Reason reason, KeyId keyId) {
    super(reason + ": key " + keyId);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
