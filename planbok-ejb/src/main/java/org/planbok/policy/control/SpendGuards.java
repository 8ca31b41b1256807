package org.planbok.policy.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.planbok.policy.entity.PolicySpendGuard;

/**
 * Makes an owner's guard row for a chain exist, in a transaction of its own, so that the signature
 * that needs it can lock it: a row that two first signatures insert at once ends as one row.
 */
@Stateless
public class SpendGuards {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensure(String id) {
    if (em.find(PolicySpendGuard.class, id) != null) {
      return;
    }
    try {
      em.persist(new PolicySpendGuard(id));
      em.flush();
    } catch (PersistenceException raced) {
      // Another first signature inserted it: the row exists, which is all we need.
    }
  }
}
