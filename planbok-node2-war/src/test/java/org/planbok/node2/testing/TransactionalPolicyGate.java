package org.planbok.node2.testing;

import java.util.List;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.policies.control.PolicyGate;
import org.planbok.node2.policies.control.PolicyRefusal;
import org.planbok.node2.tickets.control.TicketRequest;

/** {@link PolicyGate} with each call in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalPolicyGate extends PolicyGate {
  private final Node2Beans beans;

  public TransactionalPolicyGate(Node2Beans beans) {
    super(beans.db.entityManager(), beans.audit, beans.clock);
    this.beans = beans;
  }

  @Override
  public void publish(Subject scope, String organization, byte[] hash, long version, boolean raw) {
    beans.db.run(() -> super.publish(scope, organization, hash, version, raw));
  }

  @Override
  public void bind(Subject subject, String organization) {
    beans.db.run(() -> super.bind(subject, organization));
  }

  @Override
  public void admit(Subject subject, List<TicketRequest> wanted) throws PolicyRefusal {
    beans.db.inTransaction(
        () -> {
          super.admit(subject, wanted);
          return null;
        });
  }
}
