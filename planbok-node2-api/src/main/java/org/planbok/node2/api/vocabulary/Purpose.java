package org.planbok.node2.api.vocabulary;

import java.util.Optional;

/**
 * Which secret of a subject: a customer's PIN, security answers or emailed recovery kit, or an
 * organization's secret. The label is what both nodes bind into derivations, tickets (the purpose
 * that bought one; the key id of ENROLL and CANCEL_RECOVERY tickets), verifiers and stored rows;
 * never change it.
 */
public enum Purpose {
  PIN("pin", org.planbok.node2.api.Purpose.PIN),
  QUESTIONS("questions", org.planbok.node2.api.Purpose.QUESTIONS),
  EMAIL("email", org.planbok.node2.api.Purpose.EMAIL),
  ORG_SECRET("org-secret", org.planbok.node2.api.Purpose.ORG_SECRET);

  private final String label;
  private final org.planbok.node2.api.Purpose wire;

  Purpose(String label, org.planbok.node2.api.Purpose wire) {
    this.label = label;
    this.wire = wire;
  }

  /** The stable name ({@code "pin"}, {@code "org-secret"}, …). */
  public String label() {
    return label;
  }

  /** As the contract carries it. */
  public org.planbok.node2.api.Purpose wire() {
    return wire;
  }

  /** The purpose of this label, or empty. */
  public static Optional<Purpose> parse(String label) {
    for (Purpose p : values()) {
      if (p.label.equals(label)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The purpose the contract names, or empty when it names none. */
  public static Optional<Purpose> fromWire(org.planbok.node2.api.Purpose wire) {
    for (Purpose p : values()) {
      if (p.wire == wire) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
