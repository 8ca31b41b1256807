package org.planbok.custody.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;

/**
 * Remembers the lockout Node 2 last reported for a subject, in its own transaction: the request
 * that met the lockout fails and rolls back, but the console should still show it.
 */
@Stateless
public class Lockouts {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Subject subject, Instant until) {
    Vault vault = em.find(Vault.class, subject.value());
    if (vault != null) {
      vault.lockedUntil(until);
    }
  }
}
