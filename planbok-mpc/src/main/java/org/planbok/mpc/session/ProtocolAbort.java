package org.planbok.mpc.session;

/**
 * Thrown when a protocol must stop: the peer misbehaved or the caller drove a party out of order.
 * Messages name the failed check, never a secret value.
 */
public final class ProtocolAbort extends RuntimeException {
  private final AbortReason reason;

  public ProtocolAbort(AbortReason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
  }

  public AbortReason reason() {
    return reason;
  }
}
