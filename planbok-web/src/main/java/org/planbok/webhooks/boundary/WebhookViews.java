package org.planbok.webhooks.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.webhooks.control.NewEndpoint;
import org.planbok.webhooks.control.WebhookEndpoints;
import org.planbok.webhooks.entity.EventType;
import org.planbok.webhooks.entity.WebhookAttempt;
import org.planbok.webhooks.entity.WebhookDelivery;
import org.planbok.webhooks.entity.WebhookEndpoint;

/** The JSON of endpoints, deliveries and their attempts, shared by the API and the console. */
public final class WebhookViews {
  static final String SECRET_FIELD = "secret";

  private WebhookViews() {}

  /** An endpoint, never with its secret. */
  @Schema(
      name = "WebhookEndpoint",
      requiredProperties = {"id", "url", "description", "eventTypes", "enabled", "createdAt"})
  public record Endpoint(
      String id,
      String url,
      String description,
      List<String> eventTypes,
      boolean enabled,
      Instant createdAt,
      Instant secretRotatedAt) {
    static Endpoint of(WebhookEndpoint e) {
      return new Endpoint(
          e.id().toString(),
          e.url(),
          e.description(),
          e.eventTypes().stream().map(EventType::label).toList(),
          e.enabled(),
          e.createdAt(),
          e.secretRotatedAt());
    }
  }

  /** An endpoint just made, or whose secret was just rotated: the secret is in this answer only. */
  @Schema(
      name = "WebhookEndpointWithSecret",
      requiredProperties = {"endpoint", "secret"})
  public record WithSecret(Endpoint endpoint, String secret) {
    static WithSecret of(NewEndpoint made) {
      return new WithSecret(Endpoint.of(made.endpoint()), new String(made.secret()));
    }

    @Override
    public String toString() {
      return "WithSecret[" + endpoint.id() + ", redacted]";
    }
  }

  @Schema(name = "WebhookEndpointList", requiredProperties = "items")
  public record EndpointList(List<Endpoint> items) {}

  /** One attempt of a delivery. */
  @Schema(
      name = "WebhookAttempt",
      requiredProperties = {"number", "at", "durationMs"})
  public record Attempt(int number, Instant at, Integer statusCode, String error, long durationMs) {
    static Attempt of(WebhookAttempt a) {
      return new Attempt(a.number(), a.at(), a.statusCode(), a.error(), a.durationMillis());
    }
  }

  /** A delivery of one event to one endpoint, with its log. */
  @Schema(
      name = "WebhookDelivery",
      requiredProperties = {
        "id",
        "eventId",
        "eventType",
        "endpointId",
        "state",
        "attempts",
        "createdAt",
        "log"
      })
  public record Delivery(
      String id,
      String eventId,
      String eventType,
      String endpointId,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant finishedAt,
      String redeliveryOf,
      List<Attempt> log) {
    static Delivery of(WebhookDelivery d, String eventType, List<WebhookAttempt> log) {
      return new Delivery(
          d.id().toString(),
          d.eventId(),
          eventType,
          d.endpointId().toString(),
          d.state().name(),
          d.attempts(),
          d.nextAttemptAt(),
          d.lastStatus(),
          d.lastError(),
          d.createdAt(),
          d.finishedAt(),
          d.redeliveryOf(),
          log == null ? List.of() : log.stream().map(Attempt::of).toList());
    }
  }

  @Schema(name = "WebhookDeliveryList", requiredProperties = "items")
  public record DeliveryList(List<Delivery> items) {}

  @Schema(
      name = "WebhookEventType",
      requiredProperties = {"type", "description"})
  public record Type(String type, String description) {}

  @Schema(name = "WebhookEventTypeList", requiredProperties = "items")
  public record TypeList(List<Type> items) {
    static TypeList all() {
      return new TypeList(
          WebhookEndpoints.subscribable().stream()
              .map(t -> new Type(t.label(), t.description()))
              .toList());
    }
  }

  static DeliveryList deliveries(WebhookEndpoints endpoints, List<WebhookDelivery> found) {
    Map<UUID, List<WebhookAttempt>> log = endpoints.attempts(found);
    return new DeliveryList(
        found.stream()
            .map(d -> Delivery.of(d, endpoints.event(d).type().label(), log.get(d.id())))
            .toList());
  }

  static Delivery delivery(WebhookEndpoints endpoints, WebhookDelivery d) {
    return Delivery.of(d, endpoints.event(d).type().label(), List.of());
  }
}
