package org.planbok.node2client;

import jakarta.ejb.ApplicationException;

/**
 * Node 2 answered and said no: the key is unknown or frozen, the ticket is not valid, the subject
 * is locked, or Node 1's messages broke the protocol. Unlike {@link Node2Unavailable}, retrying the
 * same request will not help.
 */
@ApplicationException(rollback = true)
public class Node2Refused extends RuntimeException {
  /** Node 2's stable refusal reasons, as in the {@code Reason} enum of the contract. */
  public enum Reason {
    UNKNOWN_KEY,
    KEY_FROZEN,
    BAD_TICKET,
    LOCKED,
    BAD_PROOF,
    PROTOCOL_VIOLATION,
    TIMEOUT,
    KEY_EXISTS,
    ALREADY_ENROLLED,
    /** The key has its cap of open signing sessions; another try later may succeed. */
    BUSY,
    EXPORT_NOT_AUTHORIZED,
    /** A SIGN ticket the subject's signing policy, as Node 2 holds it, does not cover. */
    POLICY_REFUSED,
    UNSPECIFIED
  }

  private final Reason reason;

  public Node2Refused(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
