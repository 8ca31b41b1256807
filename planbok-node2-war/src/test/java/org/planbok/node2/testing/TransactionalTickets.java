package org.planbok.node2.testing;

import java.time.Duration;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.Tickets;

/** {@link Tickets} with each call in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalTickets extends Tickets {
  private final Node2Beans beans;

  public TransactionalTickets(Node2Beans beans) {
    super(
        beans.db.entityManager(),
        beans.masterKeys,
        beans.audit,
        beans.clock,
        Duration.ofSeconds(60),
        beans.tickets.maxSignPerCheck());
    this.beans = beans;
  }

  @Override
  public void redeem(byte[] ticket, Subject subject, KeyId keyId, Operation op, byte[] digest)
      throws TicketRefused {
    beans.db.inTransaction(
        () -> {
          super.redeem(ticket, subject, keyId, op, digest);
          return null;
        });
  }

  @Override
  public void redeem(
      byte[] ticket, Subject subject, KeyId keyId, Operation op, byte[] digest, DerivationPath path)
      throws TicketRefused {
    beans.db.inTransaction(
        () -> {
          super.redeem(ticket, subject, keyId, op, digest, path);
          return null;
        });
  }

  @Override
  public int revokeOpen(Subject subject) {
    return beans.db.get(() -> super.revokeOpen(subject));
  }
}
