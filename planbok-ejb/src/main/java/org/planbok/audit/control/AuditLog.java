package org.planbok.audit.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.planbok.audit.entity.AuditEntry;
import org.planbok.audit.entity.AuditHead;
import org.planbok.organization.entity.OrganizationId;

/**
 * Node 1's append-only, hash-chained audit log (DESIGN §8), one chain per organization.
 *
 * <p>{@link #append} joins the caller's transaction, so a row exists exactly when the change it
 * records was committed, and locks the chain's {@link AuditHead} ({@code PESSIMISTIC_WRITE}) until
 * that transaction ends: appends to one chain queue and the chain never forks. Callers append last
 * in their transaction, so the head is held only for the commit; and never before a step that runs
 * in a transaction of its own and appends too (it would wait for the head its caller holds).
 *
 * <p>Never pass a secret: rows are free text that administrators read.
 */
@Stateless
public class AuditLog {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject AuditHeads heads;
  @Inject Instance<AuditActor> actor;
  Clock clock = Clock.systemUTC();

  /** Appends to the organization's chain as the request's actor. */
  public void append(
      OrganizationId organization, String action, String target, String outcome, String detail) {
    appendAs(currentActor(), AuditChain.of(organization), action, target, outcome, detail);
  }

  /**
   * Appends on another thread in a transaction of its own, for steps of long flows whose callers
   * may already hold the chain's head or go on into steps that append in transactions of their own
   * (recovery): it queues behind the head instead of waiting for itself, and the row stays even
   * when the step's own transaction rolls back, as a refused attempt's must. Pass the actor, taken
   * on the request's thread ({@link #actor()}).
   */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void appendDetached(
      String actorName,
      AuditChain chain,
      String action,
      String target,
      String outcome,
      String detail) {
    appendAs(actorName, chain, action, target, outcome, detail);
  }

  /** Who the current request acts for, or {@code system} outside a request. */
  public String actor() {
    return currentActor();
  }

  /** Appends with an explicit actor (a failed sign-in acts for nobody yet). */
  public void appendAs(
      String actorName,
      AuditChain chain,
      String action,
      String target,
      String outcome,
      String detail) {
    AuditHead head = lockedHead(chain);
    long sequence = head.lastSequence() + 1;
    long at = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    String who = clip(actorName, AuditEntry.ACTOR);
    String what = clip(action, AuditEntry.ACTION);
    String on = clip(target, AuditEntry.TARGET);
    String how = clip(outcome, AuditEntry.OUTCOME);
    String more = clip(detail, AuditEntry.DETAIL);
    byte[] prev = head.lastHash();
    byte[] hash = AuditHash.of(chain.value(), sequence, at, who, what, on, how, more, prev);
    em.persist(new AuditEntry(chain.value(), sequence, at, who, what, on, how, more, prev, hash));
    head.advance(sequence, hash);
  }

  /** The chain's rows, newest first, before sequence number {@code before} when given. */
  public List<AuditEntry> page(AuditChain chain, Optional<Long> before, int limit) {
    return em.createQuery(
            "SELECT e FROM AuditEntry e WHERE e.chain = :chain AND e.sequence < :before"
                + " ORDER BY e.sequence DESC",
            AuditEntry.class)
        .setParameter("chain", chain.value())
        .setParameter("before", before.orElse(Long.MAX_VALUE))
        .setMaxResults(limit)
        .getResultList();
  }

  /** Verifies the whole chain; see {@link ChainVerifier}. */
  public ChainVerification verify(AuditChain chain) {
    return new ChainVerifier(em, chain).verify();
  }

  private AuditHead lockedHead(AuditChain chain) {
    AuditHead head = em.find(AuditHead.class, chain.value(), LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      heads.ensure(chain);
      head = em.find(AuditHead.class, chain.value(), LockModeType.PESSIMISTIC_WRITE);
    }
    return head;
  }

  private String currentActor() {
    if (actor == null) {
      return AuditActor.SYSTEM; // outside a container
    }
    try {
      return actor.get().describe();
    } catch (ContextNotActiveException e) {
      return AuditActor.SYSTEM;
    }
  }

  private static String clip(String value, int max) {
    String v = value == null ? "" : value;
    return v.length() <= max ? v : v.substring(0, max);
  }
}
