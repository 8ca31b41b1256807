package org.planbok.node2.secrets.control;

import org.planbok.node2.tickets.control.TicketRefused;

/**
 * An enrollment Node 2 refuses; the verifier was not changed. Checked on purpose, like {@link
 * TicketRefused}: the caller maps each reason to a status, and the refusal's audit rows are still
 * committed. The message never carries the secret.
 */
public class EnrollRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** A first enrollment (no ticket) for a secret that is already enrolled. */
    ALREADY_ENROLLED,
    /**
     * No ticket came for a purpose other than the subject's unlock purpose: every other secret is
     * set up with a ticket bought by a check of the unlock secret.
     */
    TICKET_REQUIRED,
    /** The ENROLL ticket was refused; {@link #ticketReason()} says why. */
    BAD_TICKET
  }

  private final Reason reason;
  private final TicketRefused.Reason ticketReason;

  EnrollRefused(Reason reason) {
    this(reason, null);
  }

  EnrollRefused(Reason reason, TicketRefused.Reason ticketReason) {
    super(
        ticketReason == null
            ? "enrollment refused: " + reason
            : "enrollment refused: ticket " + ticketReason,
        null,
        false,
        false);
    this.reason = reason;
    this.ticketReason = ticketReason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why the ticket was refused, or null when the refusal was not about the ticket. */
  public TicketRefused.Reason ticketReason() {
    return ticketReason;
  }
}
