package org.planbok.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.webhooks.entity.DeliveryState;
import org.planbok.webhooks.entity.EventType;
import org.planbok.webhooks.entity.WebhookDelivery;
import org.planbok.webhooks.entity.WebhookEndpoint;
import org.planbok.webhooks.entity.WebhookEvent;

/**
 * The outbox: {@link #record} writes an event, and a delivery for every enabled endpoint of the
 * organization that takes its type, in the caller's transaction. So an event exists exactly when
 * the change it reports was committed, and a server that stops right after the commit delivers it
 * when it is back (the dispatcher finds the pending deliveries). One line at the place of the
 * change:
 *
 * <pre>{@code
 * events.record(key.organization(), EventType.KEY_FROZEN, EventData.of(key.subject()).with("keyId", id));
 * }</pre>
 *
 * A change that is refused and rolls back its transaction (a 4xx answer) and must still be reported
 * uses {@link #recordAlone}, which commits on its own.
 */
@Stateless
public class WebhookEvents {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  /** Records the event in the caller's transaction (one is started if there is none). */
  public WebhookEvent record(OrganizationId organization, EventType type, EventData data) {
    return write(organization, null, type, data, now(), now());
  }

  /** As {@link #record}, with the subject the data names (customer or organization). */
  public WebhookEvent record(
      OrganizationId organization, Subject subject, EventType type, EventData data) {
    return write(organization, subject.value(), type, data, now(), now());
  }

  /**
   * Records the event in a transaction of its own, committed whatever becomes of the caller's: for
   * refusals (a policy's {@code signature.refused}), whose request answers 4xx and rolls back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public WebhookEvent recordAlone(
      OrganizationId organization, Subject subject, EventType type, EventData data) {
    return write(organization, subject == null ? null : subject.value(), type, data, now(), now());
  }

  /**
   * Records an event that happens later by itself ({@code recovery.matured} when a waiting period
   * ends): its deliveries wait until {@code at}, unless {@link #withdraw} takes it back first.
   */
  public WebhookEvent schedule(
      OrganizationId organization, Subject subject, EventType type, EventData data, Instant at) {
    return write(organization, subject.value(), type, data, at.truncatedTo(ChronoUnit.MICROS), at);
  }

  /**
   * Takes back the subject's scheduled events of {@code type} that are not due yet (a recovery
   * cancelled or replaced before it matured), with their deliveries; returns how many.
   */
  public int withdraw(Subject subject, EventType type) {
    List<WebhookEvent> scheduled =
        em.createQuery(
                "SELECT e FROM WebhookEvent e WHERE e.subject = :subject AND e.type = :type"
                    + " AND e.dueAt > :now",
                WebhookEvent.class)
            .setParameter("subject", subject.value())
            .setParameter("type", type.label())
            .setParameter("now", now())
            .getResultList();
    for (WebhookEvent event : scheduled) {
      em.createQuery(
              "DELETE FROM WebhookDelivery d WHERE d.eventId = :event AND d.state = :pending"
                  + " AND d.attempts = 0")
          .setParameter("event", event.id())
          .setParameter("pending", DeliveryState.PENDING)
          .executeUpdate();
      em.remove(event);
    }
    return scheduled.size();
  }

  private WebhookEvent write(
      OrganizationId organization,
      String subject,
      EventType type,
      EventData data,
      Instant occurredAt,
      Instant due) {
    String id = WebhookEvent.newId();
    String payload = EventData.payload(id, type.label(), occurredAt, organization.toString(), data);
    WebhookEvent event =
        new WebhookEvent(id, organization, subject, type, occurredAt, due, payload);
    em.persist(event);
    Instant now = now();
    for (WebhookEndpoint endpoint : endpoints(organization)) {
      if (endpoint.wants(type)) {
        em.persist(new WebhookDelivery(event, endpoint.id(), due, now, null));
      }
    }
    return event;
  }

  private List<WebhookEndpoint> endpoints(OrganizationId organization) {
    return em.createQuery(
            "SELECT e FROM WebhookEndpoint e WHERE e.organizationId = :organization"
                + " AND e.enabled = TRUE",
            WebhookEndpoint.class)
        .setParameter("organization", organization.toString())
        .getResultList();
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
