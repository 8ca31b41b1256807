package org.planbok.node2.testing;

import org.planbok.node2.audit.control.AuditLog;

/** {@link AuditLog} with each append in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalAudit extends AuditLog {
  private final Node2Beans beans;

  public TransactionalAudit(Node2Beans beans) {
    super(beans.db.entityManager(), beans.sealedKeys, beans.clock);
    this.beans = beans;
  }

  @Override
  public void append(
      String sessionId, String operation, String subject, String outcome, String detail) {
    beans.db.run(() -> super.append(sessionId, operation, subject, outcome, detail));
  }
}
