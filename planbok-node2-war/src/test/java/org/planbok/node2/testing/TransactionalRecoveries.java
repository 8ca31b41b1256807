package org.planbok.node2.testing;

import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.secrets.control.Recoveries;
import org.planbok.node2.tickets.control.TicketRefused;

/** {@link Recoveries} with each call in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalRecoveries extends Recoveries {
  private final Node2Beans beans;

  public TransactionalRecoveries(Node2Beans beans) {
    super(
        beans.db.entityManager(),
        beans.tickets,
        beans.audit,
        beans.clock,
        Node2Beans.RECOVERY_DELAY,
        Node2Beans.RECOVERY_WINDOW);
    this.beans = beans;
  }

  @Override
  public int cancel(Subject subject, Purpose purpose, byte[] ticket) throws TicketRefused {
    return beans.db.inTransaction(() -> super.cancel(subject, purpose, ticket));
  }
}
