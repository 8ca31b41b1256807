package org.planbok.node2.tickets.control;

import org.planbok.node2.api.vocabulary.Purpose;

/**
 * For attack tests: a ticket Node 2 really minted (its MAC holds) but bought by a purpose that may
 * not buy it, as a ticket minted before a rule was tightened would be. Only redeem's own check of
 * the purpose stands in its way.
 */
public final class UncheckedMint {
  private UncheckedMint() {}

  public static Ticket mint(Tickets tickets, TicketRequest request, String boughtBy) {
    return tickets.issue(request, Purpose.parse(boughtBy).orElseThrow());
  }
}
