package org.planbok.node2client;

import jakarta.ejb.ApplicationException;
import org.planbok.node2.api.vocabulary.RefusalReason;

/**
 * Node 2 answered and said no: the key is unknown or frozen, the ticket is not valid, the subject
 * is locked, or Node 1's messages broke the protocol. Unlike {@link Node2Unavailable}, retrying the
 * same request will not help.
 */
@ApplicationException(rollback = true)
public class Node2Refused extends RuntimeException {
  private final RefusalReason reason;

  /**
   * @param reason one of Node 2's stable refusal reasons ({@link RefusalReason}, the contract's
   *     {@code Reason})
   */
  public Node2Refused(RefusalReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RefusalReason reason() {
    return reason;
  }
}
