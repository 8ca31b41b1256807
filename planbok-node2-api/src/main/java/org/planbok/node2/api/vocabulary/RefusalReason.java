package org.planbok.node2.api.vocabulary;

/**
 * Node 2's stable refusal reasons (the contract's {@code Reason}). Node 2 sends the name in the
 * {@value #TRAILER} trailer of a refused call, so Node 1 never parses a description.
 */
public enum RefusalReason {
  UNKNOWN_KEY(org.planbok.node2.api.Reason.UNKNOWN_KEY),
  KEY_FROZEN(org.planbok.node2.api.Reason.KEY_FROZEN),
  BAD_TICKET(org.planbok.node2.api.Reason.BAD_TICKET),
  LOCKED(org.planbok.node2.api.Reason.LOCKED),
  BAD_PROOF(org.planbok.node2.api.Reason.BAD_PROOF),
  PROTOCOL_VIOLATION(org.planbok.node2.api.Reason.PROTOCOL_VIOLATION),
  TIMEOUT(org.planbok.node2.api.Reason.TIMEOUT),
  KEY_EXISTS(org.planbok.node2.api.Reason.KEY_EXISTS),
  ALREADY_ENROLLED(org.planbok.node2.api.Reason.ALREADY_ENROLLED),
  /** The key has its cap of open signing sessions; another try later may succeed. */
  BUSY(org.planbok.node2.api.Reason.BUSY),
  EXPORT_NOT_AUTHORIZED(org.planbok.node2.api.Reason.EXPORT_NOT_AUTHORIZED),
  /** A SIGN ticket the subject's signing policy, as Node 2 holds it, does not cover. */
  POLICY_REFUSED(org.planbok.node2.api.Reason.POLICY_REFUSED),
  /** A reason this side does not know (a newer peer's); never sent. */
  UNSPECIFIED(org.planbok.node2.api.Reason.REASON_UNSPECIFIED);

  /** The trailer (ASCII metadata key) that carries the reason's name. */
  public static final String TRAILER = "planbok-reason";

  private final org.planbok.node2.api.Reason wire;

  RefusalReason(org.planbok.node2.api.Reason wire) {
    this.wire = wire;
  }

  /** As the contract's enum names it. */
  public org.planbok.node2.api.Reason wire() {
    return wire;
  }

  /** The reason a trailer names; {@link #UNSPECIFIED} for one this side does not know. */
  public static RefusalReason named(String name) {
    for (RefusalReason r : values()) {
      if (r != UNSPECIFIED && r.name().equals(name)) {
        return r;
      }
    }
    return UNSPECIFIED;
  }
}
