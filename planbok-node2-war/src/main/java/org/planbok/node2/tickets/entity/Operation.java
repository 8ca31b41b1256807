package org.planbok.node2.tickets.entity;

/**
 * What a ticket authorises. The code is its byte in the ticket's wire form; never renumber. {@code
 * ENROLL} and {@code CANCEL_RECOVERY} are no protocol sessions: the first replaces or removes an
 * enrolled secret, the second cancels waiting recoveries, and their tickets' key id names the
 * secret's purpose.
 */
public enum Operation {
  SIGN(1),
  EXPORT(2),
  REFRESH(3),
  KEYGEN(4),
  ENROLL(5),
  CANCEL_RECOVERY(6);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /**
   * Whether a ticket for this operation binds a 32-byte digest: what is signed, or the device key
   * an export is sealed to. The others bind nothing beyond subject, key and operation.
   */
  public boolean bindsDigest() {
    return this == SIGN || this == EXPORT;
  }

  public static Operation fromCode(int code) {
    for (Operation op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown operation code " + code);
  }
}
