package org.planbok.node2.api.vocabulary;

import java.util.Optional;

/**
 * What a protocol session or a ticket is for. The code is the operation's byte in Node 2's ticket
 * wire form; never renumber. {@code ENROLL} and {@code CANCEL_RECOVERY} are no protocol sessions:
 * the first replaces or removes an enrolled secret, the second cancels waiting recoveries, and
 * their tickets' key id names the secret's {@link Purpose}.
 */
public enum Operation {
  KEYGEN(4, org.planbok.node2.api.Operation.KEYGEN),
  SIGN(1, org.planbok.node2.api.Operation.SIGN),
  REFRESH(3, org.planbok.node2.api.Operation.REFRESH),
  EXPORT(2, org.planbok.node2.api.Operation.EXPORT),
  /** Only in tickets: replace or remove an enrolled secret. */
  ENROLL(5, org.planbok.node2.api.Operation.ENROLL),
  /** Only in tickets: cancel waiting recoveries of a delayed secret (the emailed kit). */
  CANCEL_RECOVERY(6, org.planbok.node2.api.Operation.CANCEL_RECOVERY);

  private final int code;
  private final org.planbok.node2.api.Operation wire;

  Operation(int code, org.planbok.node2.api.Operation wire) {
    this.code = code;
    this.wire = wire;
  }

  /** The operation's byte in a ticket. */
  public int code() {
    return code;
  }

  /** As the contract carries it. */
  public org.planbok.node2.api.Operation wire() {
    return wire;
  }

  /**
   * Whether a ticket for this operation binds a 32-byte digest ({@link TicketDigest}): what is
   * signed, or the device key an export is sealed to. The others bind nothing beyond subject, key
   * and operation.
   */
  public boolean bindsDigest() {
    return this == SIGN || this == EXPORT;
  }

  /** Whether this operation runs as a protocol session (the others exist only in tickets). */
  public boolean isSession() {
    return this != ENROLL && this != CANCEL_RECOVERY;
  }

  /** The operation of a ticket's code. */
  public static Operation fromCode(int code) {
    for (Operation op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown operation code " + code);
  }

  /** The operation the contract names, or empty when it names none (unspecified, unknown). */
  public static Optional<Operation> fromWire(org.planbok.node2.api.Operation wire) {
    for (Operation op : values()) {
      if (op.wire == wire) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
