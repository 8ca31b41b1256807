package org.planbok.node2.sessions.control;

import org.planbok.node2.api.vocabulary.RefusalReason;

/**
 * Node 2 will not run this session: the reason is one of the contract's stable reasons and goes to
 * Node 1 as the {@code planbok-reason} trailer. The message never carries a secret.
 */
public class SessionRefused extends RuntimeException {
  private final RefusalReason reason;

  public SessionRefused(RefusalReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RefusalReason reason() {
    return reason;
  }
}
