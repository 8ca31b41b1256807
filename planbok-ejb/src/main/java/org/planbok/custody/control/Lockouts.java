package org.planbok.custody.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * Remembers the lockout Node 2 last reported for a subject, in its own transaction: the request
 * that met the lockout fails and rolls back, but the console should still show it, and the {@code
 * pin.locked} webhook event (once per lockout: attempts during it report the same end) must still
 * go out.
 */
@Stateless
public class Lockouts {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject WebhookEvents events;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Subject subject, SecretPurpose purpose, Instant until) {
    Vault vault = em.find(Vault.class, subject.value());
    if (vault != null) {
      boolean fresh = vault.lockedUntil() == null || !vault.lockedUntil().equals(until);
      vault.lockedUntil(until);
      if (fresh) {
        events.record(
            vault.organization(),
            subject,
            EventType.PIN_LOCKED,
            EventData.of(subject).with("purpose", purpose.label()).with("lockedUntil", until));
      }
    }
  }
}
