package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.kit.WebhookVerifier;

/**
 * The outbox outlives Node 1: an event whose delivery is under way when Node 1 stops (the receiver
 * holds the request past the timeout) is still pending in Node 1's database, and the restarted Node
 * 1 delivers it once the stopped process's claim has expired.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookOutboxRestartIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void anEventUnderWayWhenNode1StopsIsDeliveredAfterItStarts() {
    api.awaitReadiness();
    Tenant tenant = Tenant.create(api, "Webhook Restart Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      receiver.answer(WebhookReceiver.HANG, WebhookReceiver.HANG);
      Api.Reply made =
          tenant.post(
              "/api/v1/webhooks/endpoints",
              "{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"key.created\"]}",
              "wh-" + UUID.randomUUID());
      assertEquals(201, made.status(), made.body());
      String endpoint = made.json().getJsonObject("endpoint").getString("id");
      String secret = made.json().getString("secret");
      SecretsSeen.addRaw(secret);
      Api.Reply ping =
          tenant.post(
              "/api/v1/webhooks/endpoints/" + endpoint + "/pings",
              (String) null,
              "p-" + UUID.randomUUID());
      assertEquals(202, ping.status(), ping.body());
      String eventId = ping.json().getString("eventId");
      receiver.await(r -> eventId.equals(r.header("Planbok-Event-Id")), Duration.ofSeconds(30));

      Servers.run("stop-node1", Map.of());
      Instant stopped = Instant.now();
      Servers.run("start-node1", Map.of("PLANBOK_DEPLOY_EAR", "registered"));
      api.awaitReadiness();

      WebhookReceiver.Request delivered =
          receiver.await(
              r ->
                  eventId.equals(r.header("Planbok-Event-Id"))
                      && r.answered() == 200
                      && r.at().isAfter(stopped),
              Duration.ofSeconds(60));
      assertEquals(
          WebhookVerifier.Verdict.ACCEPTED,
          new WebhookVerifier(secret)
              .verify(delivered.header("Planbok-Signature"), delivered.body()));
      JsonObject log =
          tenant
              .get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries")
              .json()
              .getJsonArray("items")
              .getJsonObject(0);
      assertEquals(eventId, log.getString("eventId"));
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!log.getString("state").equals("DELIVERED") && System.nanoTime() < until) {
        Mailbox.sleep(200);
        log =
            tenant
                .get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
      }
      assertEquals("DELIVERED", log.getString("state"), log.toString());
      assertTrue(log.getInt("attempts") >= 1, log.toString());
    }
  }
}
