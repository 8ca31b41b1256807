package org.planbok.node2.sessions.control;

/**
 * Node 2 will not run this session: the reason is one of the contract's stable reasons and goes to
 * Node 1 as the {@code planbok-reason} trailer. The message never carries a secret.
 */
public class SessionRefused extends RuntimeException {
  /** Mirrors the contract's {@code Reason} enum. */
  public enum Reason {
    UNKNOWN_KEY,
    KEY_FROZEN,
    BAD_TICKET,
    LOCKED,
    BAD_PROOF,
    PROTOCOL_VIOLATION,
    TIMEOUT,
    KEY_EXISTS,
    BUSY,
    EXPORT_NOT_AUTHORIZED
  }

  private final Reason reason;

  public SessionRefused(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
