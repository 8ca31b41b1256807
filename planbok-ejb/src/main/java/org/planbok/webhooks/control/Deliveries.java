package org.planbok.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planbok.webhooks.entity.DeliveryState;
import org.planbok.webhooks.entity.WebhookAttempt;
import org.planbok.webhooks.entity.WebhookDelivery;
import org.planbok.webhooks.entity.WebhookEndpoint;
import org.planbok.webhooks.entity.WebhookEvent;

/**
 * The dispatcher's side of the outbox, each step in a transaction of its own so nothing is held
 * while a receiver is called. A due delivery is claimed with one conditional {@code UPDATE} (its
 * claim is empty or expired): of several Node 1 instances exactly one gets each row, and a claim
 * left by an instance that stopped mid-attempt expires after the lease and the row is tried again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Deliveries {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject WebhookSecrets secrets;

  /** Claims up to {@code limit} due deliveries for {@code lease} and returns them ready to send. */
  public List<Parcel> claimDue(int limit, Duration lease) {
    Instant now = WebhookEvents.now();
    List<String> due =
        em.createQuery(
                "SELECT d.id FROM WebhookDelivery d WHERE d.state = :pending"
                    + " AND d.nextAttemptAt <= :now"
                    + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)"
                    + " ORDER BY d.nextAttemptAt",
                String.class)
            .setParameter("pending", DeliveryState.PENDING)
            .setParameter("now", now)
            .setMaxResults(limit)
            .getResultList();
    List<Parcel> claimed = new ArrayList<>();
    for (String id : due) {
      String claim = UUID.randomUUID().toString();
      int won =
          em.createQuery(
                  "UPDATE WebhookDelivery d SET d.claim = :claim, d.claimedUntil = :until"
                      + " WHERE d.id = :id AND d.state = :pending"
                      + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
              .setParameter("claim", claim)
              .setParameter("until", now.plus(lease))
              .setParameter("id", id)
              .setParameter("pending", DeliveryState.PENDING)
              .setParameter("now", now)
              .executeUpdate();
      if (won == 1) {
        claimed.add(parcel(UUID.fromString(id), claim));
      }
    }
    return claimed;
  }

  private Parcel parcel(UUID id, String claim) {
    WebhookDelivery delivery = em.find(WebhookDelivery.class, id.toString());
    WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId().toString());
    if (endpoint == null) {
      return Parcel.refused(id, claim, "the endpoint was deleted");
    }
    if (!endpoint.enabled()) {
      return Parcel.refused(id, claim, "the endpoint is disabled");
    }
    WebhookEvent event = em.find(WebhookEvent.class, delivery.eventId());
    return new Parcel(
        id,
        claim,
        java.net.URI.create(endpoint.url()),
        event.id(),
        event.type().label(),
        event.payload().getBytes(StandardCharsets.UTF_8),
        secrets.open(endpoint.id(), endpoint.sealedSecret()),
        null);
  }

  /**
   * Logs an attempt and moves the delivery on: delivered on 2xx, else retried after the back-off,
   * or failed after the last attempt (or at once when it cannot be sent). Ignored when the claim is
   * no longer this attempt's (its lease expired and another instance took the row).
   */
  public void attempted(Parcel parcel, Courier.Outcome outcome, BackOff backOff) {
    WebhookDelivery delivery = em.find(WebhookDelivery.class, parcel.delivery().toString());
    if (delivery == null || !parcel.claim().equals(delivery.claim())) {
      return;
    }
    Instant now = WebhookEvents.now();
    em.persist(
        new WebhookAttempt(
            delivery.id(),
            delivery.attempts() + 1,
            now,
            outcome.status(),
            outcome.error(),
            outcome.took().toMillis()));
    Duration wait = parcel.refusal() != null ? null : backOff.after(delivery.attempts() + 1);
    delivery.attempted(
        outcome.status(),
        outcome.error(),
        outcome.delivered(),
        wait == null ? null : now.plus(wait),
        now);
  }
}
