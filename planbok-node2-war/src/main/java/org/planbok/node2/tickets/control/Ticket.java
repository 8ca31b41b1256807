package org.planbok.node2.tickets.control;

import java.time.Instant;

/**
 * A minted ticket: the wire bytes Node 1 hands back with the operation, its id and expiry. The
 * bytes are a bearer credential until used, so {@link #toString()} omits them.
 */
public final class Ticket {
  private final String id;
  private final byte[] bytes;
  private final Instant expiresAt;

  Ticket(String id, byte[] bytes, Instant expiresAt) {
    this.id = id;
    this.bytes = bytes.clone();
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "Ticket[" + id + ", expires " + expiresAt + "]";
  }
}
