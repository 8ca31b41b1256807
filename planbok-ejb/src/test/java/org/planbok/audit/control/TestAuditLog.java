package org.planbok.audit.control;

import org.planbok.testing.TestDatabase;

/** The audit log as the container wires it, on a test database. */
public final class TestAuditLog {
  private TestAuditLog() {}

  /** Heads are made in transactions of their own, as {@code REQUIRES_NEW} does in the server. */
  public static AuditLog on(TestDatabase db) {
    AuditHeads heads =
        new AuditHeads() {
          @Override
          public void ensure(AuditChain chain) {
            db.inNewTransaction(
                () -> {
                  super.ensure(chain);
                  return null;
                });
          }
        };
    heads.em = db.entityManager();
    AuditLog log = new AuditLog();
    log.em = db.entityManager();
    log.heads = heads;
    return log;
  }
}
