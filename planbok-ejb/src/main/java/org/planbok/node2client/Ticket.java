package org.planbok.node2client;

import java.util.Arrays;

/**
 * An authorization ticket Node 2 minted after a successful secret check: a single-use bearer
 * credential for one operation on one key, so {@link #toString()} never shows it.
 */
public final class Ticket {
  private final byte[] bytes;

  Ticket(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** For tests and tools that hold a ticket's bytes from elsewhere. */
  public static Ticket of(byte[] bytes) {
    return new Ticket(bytes);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** Forgets the ticket once used. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "Ticket[redacted]";
  }
}
