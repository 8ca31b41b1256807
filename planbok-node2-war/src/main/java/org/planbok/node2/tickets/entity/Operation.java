package org.planbok.node2.tickets.entity;

/** What a ticket authorises. The code is its byte in the ticket's wire form; never renumber. */
public enum Operation {
  SIGN(1),
  EXPORT(2),
  REFRESH(3),
  KEYGEN(4);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  public int code() {
    return code;
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
