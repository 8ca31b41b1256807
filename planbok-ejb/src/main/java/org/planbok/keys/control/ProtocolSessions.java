package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.keys.entity.ProtocolSession;
import org.planbok.mpc.session.SessionId;
import org.planbok.organization.entity.OrganizationId;

/**
 * The record of each protocol session, written in transactions of their own so that it survives the
 * failure it records and can be polled while the session runs; and the log lines that show long
 * work progressing.
 */
@Stateless
public class ProtocolSessions {
  private static final Logger LOG = Logger.getLogger(ProtocolSessions.class.getName());

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject AuditLog audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void started(
      SessionId sid,
      OrganizationId organization,
      String subject,
      KeyId keyId,
      String operation,
      Curve curve) {
    em.persist(
        new ProtocolSession(sid.hex(), organization, subject, keyId, operation, curve, now()));
    LOG.info(
        () -> operation + " session " + sid.hex() + " started: key " + keyId + " " + curve.label());
  }

  /**
   * Records the end and puts the session in the organization's audit chain (DESIGN §8: every
   * protocol session). Detached, because a session runs inside steps that may already hold the
   * chain's head (a key generation appends its own row).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finished(SessionId sid, boolean succeeded, String outcome, Duration took) {
    ProtocolSession session = em.find(ProtocolSession.class, sid.hex());
    if (session != null) {
      session.finish(succeeded, outcome, took, now());
      audit.appendDetached(
          audit.actor(),
          AuditChain.of(session.organization()),
          "session." + session.operation().toLowerCase(Locale.ROOT),
          session.keyId().toString(),
          succeeded ? "DONE" : "FAILED",
          "session " + sid.hex() + ", " + outcome + ", " + took.toMillis() + " ms");
    }
    LOG.info(
        () ->
            "session "
                + sid.hex()
                + (succeeded ? " succeeded" : " failed: " + outcome)
                + " in "
                + took.toMillis()
                + " ms");
  }

  public Optional<ProtocolSession> find(OrganizationId organization, String id) {
    return Optional.ofNullable(em.find(ProtocolSession.class, id))
        .filter(s -> s.organization().equals(organization));
  }

  /** The organization's most recent sessions, newest first. */
  public List<ProtocolSession> recent(OrganizationId organization, int limit) {
    return em.createQuery(
            "SELECT s FROM ProtocolSession s WHERE s.organizationId = :organization"
                + " ORDER BY s.startedAt DESC, s.id DESC",
            ProtocolSession.class)
        .setParameter("organization", organization.toString())
        .setMaxResults(limit)
        .getResultList();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
