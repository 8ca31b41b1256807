package org.planbok.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.planbok.audit.control.AuditLog;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.organization.entity.Uuids;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;
import org.planbok.webhooks.entity.EventType;
import org.planbok.webhooks.entity.WebhookAttempt;
import org.planbok.webhooks.entity.WebhookDelivery;
import org.planbok.webhooks.entity.WebhookEndpoint;
import org.planbok.webhooks.entity.WebhookEvent;
import org.planbok.webhooks.entity.WebhookUrl;

/**
 * An organization's webhook endpoints (API key or console admin): made, changed, deleted, their
 * secrets rotated, their deliveries listed with every attempt, and a delivery sent again on
 * request. Another organization's endpoint or delivery is not found. Every change is audited.
 */
@Stateless
public class WebhookEndpoints {
  public static final int MAX_PER_ORGANIZATION = 20;

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject WebhookSecrets secrets;
  @Inject WebhookSettings settings;
  @Inject WebhookEvents events;
  @Inject AuditLog audit;

  /** Makes an endpoint; its secret is in the answer only. */
  public NewEndpoint create(OrganizationId organization, EndpointSettings wanted) {
    Valid valid = validate(wanted, true);
    long count =
        em.createQuery(
                "SELECT COUNT(e) FROM WebhookEndpoint e WHERE e.organizationId = :o", Long.class)
            .setParameter("o", organization.toString())
            .getSingleResult();
    if (count >= MAX_PER_ORGANIZATION) {
      throw new Refused(
          Refusal.ALREADY_EXISTS,
          "url: an organization has at most " + MAX_PER_ORGANIZATION + " webhook endpoints",
          "url",
          Map.of());
    }
    UUID id = UUID.randomUUID();
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            id,
            organization,
            valid.url(),
            valid.description(),
            valid.types(),
            valid.enabled(),
            WebhookEvents.now());
    char[] secret = WebhookSigner.newSecret();
    endpoint.secret(secrets.seal(id, secret), WebhookEvents.now());
    em.persist(endpoint);
    audit.append(organization, "webhook.create", target(endpoint), "OK", endpoint.url());
    return new NewEndpoint(endpoint, secret);
  }

  public List<WebhookEndpoint> list(OrganizationId organization) {
    return em.createQuery(
            "SELECT e FROM WebhookEndpoint e WHERE e.organizationId = :o"
                + " ORDER BY e.createdAt, e.id",
            WebhookEndpoint.class)
        .setParameter("o", organization.toString())
        .getResultList();
  }

  public WebhookEndpoint get(OrganizationId organization, String id) {
    return find(organization, id, LockModeType.NONE);
  }

  /** Replaces the URL, description, event types and enabled flag (all required). */
  public WebhookEndpoint update(OrganizationId organization, String id, EndpointSettings wanted) {
    Valid valid = validate(wanted, false);
    WebhookEndpoint endpoint = find(organization, id, LockModeType.PESSIMISTIC_WRITE);
    endpoint.change(valid.url(), valid.description(), valid.types(), valid.enabled());
    audit.append(
        organization,
        "webhook.update",
        target(endpoint),
        "OK",
        endpoint.url() + (endpoint.enabled() ? "" : " (disabled)"));
    return endpoint;
  }

  /** Deletes the endpoint with its deliveries and their log. */
  public void delete(OrganizationId organization, String id) {
    WebhookEndpoint endpoint = find(organization, id, LockModeType.PESSIMISTIC_WRITE);
    em.createQuery(
            "DELETE FROM WebhookAttempt a WHERE a.deliveryId IN"
                + " (SELECT d.id FROM WebhookDelivery d WHERE d.endpointId = :e)")
        .setParameter("e", endpoint.id().toString())
        .executeUpdate();
    em.createQuery("DELETE FROM WebhookDelivery d WHERE d.endpointId = :e")
        .setParameter("e", endpoint.id().toString())
        .executeUpdate();
    em.remove(endpoint);
    audit.append(organization, "webhook.delete", target(endpoint), "OK", endpoint.url());
  }

  /** A new secret: deliveries from now on are signed with it only; it is in the answer only. */
  public NewEndpoint rotateSecret(OrganizationId organization, String id) {
    WebhookEndpoint endpoint = find(organization, id, LockModeType.PESSIMISTIC_WRITE);
    char[] secret = WebhookSigner.newSecret();
    endpoint.secret(secrets.seal(endpoint.id(), secret), WebhookEvents.now());
    audit.append(organization, "webhook.rotate-secret", target(endpoint), "OK", "");
    return new NewEndpoint(endpoint, secret);
  }

  /** Sends a {@code webhook.ping} event to this endpoint only (enabled or not, it must take it). */
  public WebhookDelivery ping(OrganizationId organization, String id) {
    WebhookEndpoint endpoint = get(organization, id);
    if (!endpoint.enabled()) {
      throw Refused.invalid(
          "enabled", "enabled: the endpoint is disabled; enable it before pinging it");
    }
    Instant now = WebhookEvents.now();
    String eventId = WebhookEvent.newId();
    String payload =
        EventData.payload(
            eventId,
            EventType.PING.label(),
            now,
            organization.toString(),
            EventData.of().with("endpointId", endpoint.id().toString()));
    WebhookEvent event =
        new WebhookEvent(eventId, organization, null, EventType.PING, now, now, payload);
    em.persist(event);
    WebhookDelivery delivery = new WebhookDelivery(event, endpoint.id(), now, now, null);
    em.persist(delivery);
    return delivery;
  }

  /** The endpoint's deliveries, newest first. */
  public List<WebhookDelivery> deliveries(OrganizationId organization, String endpoint, int limit) {
    WebhookEndpoint e = get(organization, endpoint);
    return em.createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.endpointId = :e"
                + " ORDER BY d.createdAt DESC, d.id DESC",
            WebhookDelivery.class)
        .setParameter("e", e.id().toString())
        .setMaxResults(limit)
        .getResultList();
  }

  /** Each delivery's attempts, oldest first. */
  public Map<UUID, List<WebhookAttempt>> attempts(List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "SELECT a FROM WebhookAttempt a WHERE a.deliveryId IN :ids ORDER BY a.number",
            WebhookAttempt.class)
        .setParameter("ids", deliveries.stream().map(d -> d.id().toString()).toList())
        .getResultList()
        .stream()
        .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
  }

  public WebhookEvent event(WebhookDelivery delivery) {
    return em.find(WebhookEvent.class, delivery.eventId());
  }

  public WebhookDelivery delivery(OrganizationId organization, String id) {
    return Uuids.parse(id)
        .map(u -> em.find(WebhookDelivery.class, u.toString()))
        .filter(d -> d.organization().equals(organization))
        .orElseThrow(() -> notFound("delivery", id));
  }

  /**
   * Sends a delivery's event again to the same endpoint, as a new delivery with a fresh round of
   * attempts (the same {@code Planbok-Event-Id}, so a receiver that has it already can ignore it).
   */
  public WebhookDelivery redeliver(OrganizationId organization, String deliveryId) {
    WebhookDelivery original = delivery(organization, deliveryId);
    WebhookEndpoint endpoint = get(organization, original.endpointId().toString());
    if (!endpoint.enabled()) {
      throw Refused.invalid(
          "enabled", "enabled: the endpoint is disabled; enable it before redelivering");
    }
    WebhookEvent event = event(original);
    Instant now = WebhookEvents.now();
    WebhookDelivery again =
        new WebhookDelivery(event, endpoint.id(), now, now, original.id().toString());
    em.persist(again);
    audit.append(
        organization,
        "webhook.redeliver",
        target(endpoint),
        "OK",
        event.id() + " (delivery " + original.id() + ")");
    return again;
  }

  private WebhookEndpoint find(OrganizationId organization, String id, LockModeType lock) {
    Optional<UUID> uuid = Uuids.parse(id);
    WebhookEndpoint endpoint =
        uuid.map(u -> em.find(WebhookEndpoint.class, u.toString(), lock)).orElse(null);
    if (endpoint == null || !endpoint.organization().equals(organization)) {
      throw notFound("webhook endpoint", id);
    }
    return endpoint;
  }

  private record Valid(WebhookUrl url, String description, Set<EventType> types, boolean enabled) {}

  private Valid validate(EndpointSettings wanted, boolean creating) {
    if (wanted == null) {
      throw Refused.invalid("url", "url: required");
    }
    WebhookUrl url;
    try {
      url = WebhookUrl.parse(wanted.url(), settings.allowHttpLoopback());
    } catch (IllegalArgumentException e) {
      throw Refused.invalid("url", "url: " + e.getMessage());
    }
    String description = wanted.description() == null ? "" : wanted.description().strip();
    if (description.length() > WebhookEndpoint.DESCRIPTION
        || description.chars().anyMatch(Character::isISOControl)) {
      throw Refused.invalid(
          "description",
          "description: at most " + WebhookEndpoint.DESCRIPTION + " characters, one line");
    }
    if (wanted.eventTypes() == null || wanted.eventTypes().isEmpty()) {
      throw Refused.invalid("eventTypes", "eventTypes: at least one of " + labels());
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (int i = 0; i < wanted.eventTypes().size(); i++) {
      String label = wanted.eventTypes().get(i);
      Optional<EventType> type = EventType.of(label);
      if (type.isEmpty() || type.get() == EventType.PING) {
        throw Refused.invalid(
            "eventTypes[" + i + "]",
            "eventTypes[" + i + "]: not an event type; one of " + labels());
      }
      types.add(type.get());
    }
    if (!creating && wanted.enabled() == null) {
      throw Refused.invalid("enabled", "enabled: required, true or false");
    }
    return new Valid(url, description, types, wanted.enabled() == null || wanted.enabled());
  }

  /** The event types an endpoint can take (every type but the ping, which goes to any). */
  public static List<EventType> subscribable() {
    return EnumSet.complementOf(EnumSet.of(EventType.PING)).stream().toList();
  }

  private static String labels() {
    return subscribable().stream().map(EventType::label).collect(Collectors.joining(", "));
  }

  private static Refused notFound(String what, String id) {
    return new Refused(Refusal.NOT_FOUND, "No " + what + " with that id in your organization.");
  }

  private static String target(WebhookEndpoint endpoint) {
    return "webhook:" + endpoint.id();
  }
}
