package org.planbok.custody.control;

import java.util.List;
import org.planbok.node2client.Ticket;

/**
 * A vault opened by a correct secret for one request: the vault key and the tickets Node 2 minted
 * with the check, in the order they were asked for. Close it when the request is done.
 */
public final class OpenVault implements AutoCloseable {
  private final VaultKey key;
  private final List<Ticket> tickets;

  OpenVault(VaultKey key, List<Ticket> tickets) {
    this.key = key;
    this.tickets = List.copyOf(tickets);
  }

  public VaultKey key() {
    return key;
  }

  /** The {@code i}-th ticket asked for. */
  public Ticket ticket(int i) {
    return tickets.get(i);
  }

  @Override
  public void close() {
    key.close();
    tickets.forEach(Ticket::destroy);
  }

  @Override
  public String toString() {
    return "OpenVault[redacted, " + tickets.size() + " ticket(s)]";
  }
}
