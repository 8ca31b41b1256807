package org.planbok.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.planbok.audit.entity.AuditHead;

/**
 * Makes a chain's head (the empty chain) the first time the chain is written, in a transaction of
 * its own: two first appends that both find no head would otherwise both insert one, and the loser
 * would take the change it audits down with it. Here the loser's insert fails alone, and both then
 * lock the one head.
 */
@Stateless
public class AuditHeads {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensure(AuditChain chain) {
    if (em.find(AuditHead.class, chain.value()) != null) {
      return;
    }
    try {
      em.persist(new AuditHead(chain.value(), 0, AuditHash.GENESIS));
      em.flush();
    } catch (PersistenceException e) {
      // A concurrent first append made it: this transaction rolls back, the head exists.
    }
  }
}
