package org.planbok.node2.tickets.control;

/**
 * A ticket that does not authorise the operation. Checked on purpose: the caller must map each
 * reason to a status, and the redeem's audit row is still committed.
 */
public class TicketRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, in the order {@link Tickets#redeem} checks. */
  public enum Reason {
    MALFORMED,
    BAD_MAC,
    EXPIRED,
    WRONG_SUBJECT,
    WRONG_KEY,
    WRONG_OPERATION,
    WRONG_DIGEST,
    /** Bought by a check of a purpose that may not buy it (a recovery secret's SIGN ticket). */
    WRONG_PURPOSE,
    /** The session names another child key than the ticket was bought for. */
    WRONG_PATH,
    ALREADY_USED
  }

  private final Reason reason;

  public TicketRefused(Reason reason) {
    super("ticket refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
