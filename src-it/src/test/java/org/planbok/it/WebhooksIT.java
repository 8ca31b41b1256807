package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.kit.WebhookVerifier;
import org.planbok.kit.WebhookVerifier.Verdict;

/**
 * Webhooks against real receivers the test starts (JDK HttpServer on loopback; the test servers
 * allow plain http to loopback and retry within seconds, see src-it/pom.xml): every event the API
 * can cause arrives signed and passes the kit's documented check, carries ids and no secret; a
 * receiver that is not listening, or answers 500s, gets the event after retries and the delivery
 * log shows the failed attempts; a failed delivery is sent again on request; a tampered, replayed
 * or old delivery is refused by the documented check; bad input names its field and changes
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> ALL =
      List.of(
          "key.created",
          "key.refreshed",
          "key.frozen",
          "signature.created",
          "signature.refused",
          "export.completed",
          "pin.locked",
          "pin.unlocked",
          "recovery.started",
          "recovery.matured",
          "recovery.cancelled",
          "recovery.completed");
  private static final String PIN = "135790";
  private static final String NEW_PIN = "975310";

  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  /**
   * Node 1's first call to Node 2 after a deploy may miss its deadline (docs/troubleshooting.md).
   */
  @BeforeEach
  void ready() {
    api.awaitReadiness();
  }

  /** An endpoint made through the API, and its secret. */
  record Endpoint(String id, String secret) {}

  private Endpoint endpoint(Tenant tenant, String url, List<String> types) {
    Api.Reply made =
        tenant.post(
            "/api/v1/webhooks/endpoints", body(url, types, null), "wh-" + UUID.randomUUID());
    assertEquals(201, made.status(), made.body());
    assertTrue(
        made.header("Location").endsWith(made.json().getJsonObject("endpoint").getString("id")));
    // ZzServerLogsIT checks that no log or database row holds it: Node 1 keeps it sealed.
    SecretsSeen.addRaw(made.json().getString("secret"));
    return new Endpoint(
        made.json().getJsonObject("endpoint").getString("id"), made.json().getString("secret"));
  }

  private static String body(String url, List<String> types, Boolean enabled) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    types.forEach(list::add);
    var json =
        Json.createObjectBuilder().add("url", url).add("description", "it").add("eventTypes", list);
    if (enabled != null) {
      json.add("enabled", enabled);
    }
    return json.build().toString();
  }

  @Test
  void everyEventTheApiCausesArrivesSignedWithIdsAndNoSecret() throws Exception {
    Tenant tenant = Tenant.create(api, "Webhook Events Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      Endpoint endpoint = endpoint(tenant, receiver.url(), ALL);
      PinFlow customer = PinFlow.withPin(tenant, PIN);

      JsonObject key = customer.key(PIN, "secp256k1");
      Api.Reply derived =
          tenant.post(
              customer.path("/wallets"),
              "{\"chain\": \"ethereum\", \"index\": 0}",
              "w-" + UUID.randomUUID());
      assertEquals(201, derived.status(), derived.body());
      JsonObject wallet = derived.json();
      Api.Reply signed =
          tenant.post(
              customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
              Json.createObjectBuilder()
                  .add("type", "personal_sign")
                  .add("message", "webhooks")
                  .add("encryptedSecret", customer.secret(PIN))
                  .build()
                  .toString(),
              "s-" + UUID.randomUUID());
      assertEquals(200, signed.status(), signed.body());
      assertEquals(200, customer.refresh(PIN, key.getString("id")).status());
      new DeviceKeys().export(api, customer, PIN, wallet, null);

      // Recovery by email: started, matured after the test servers' 5 s, completed.
      RecoveryFlow recovery = RecoveryFlow.of(customer);
      assertEquals(201, recovery.setUpEmail(PIN).status());
      String kit = recovery.kit();
      Api.Reply started = recovery.confirm(recovery.code(), kit);
      assertEquals(202, started.status(), started.body());
      WebhookReceiver.Request matured = receiver.awaitType("recovery.matured", WAIT);
      assertEquals(200, recovery.complete(kit, NEW_PIN).status());

      // A second customer's PIN locks and an admin lifts it in the console.
      PinFlow locked = PinFlow.withPin(tenant, PIN);
      for (int i = 0; i < 5; i++) {
        locked.verify("000000");
      }
      ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
      Api.Reply unlocked = admin.post("customers/" + locked.customerId() + "/pin/unlock", null);
      assertEquals(200, unlocked.status(), unlocked.body());

      // A third customer's recovery is cancelled: recovery.matured never comes for it.
      PinFlow cancelling = PinFlow.withPin(tenant, PIN);
      RecoveryFlow cancelled = RecoveryFlow.of(cancelling);
      assertEquals(201, cancelled.setUpEmail(PIN).status());
      String otherKit = cancelled.kit();
      assertEquals(202, cancelled.confirm(cancelled.code(), otherKit).status());
      assertEquals(200, cancelled.cancel(PIN).status());

      WebhookVerifier verifier = new WebhookVerifier(endpoint.secret());
      List<String> secrets =
          List.of(
              customer.secret(PIN),
              customer.secret(NEW_PIN),
              kit,
              otherKit,
              endpoint.secret(),
              tenant.apiKey());
      for (String type :
          List.of(
              "key.created",
              "signature.created",
              "key.refreshed",
              "export.completed",
              "recovery.started",
              "recovery.matured",
              "recovery.completed",
              "pin.locked",
              "pin.unlocked",
              "recovery.cancelled")) {
        WebhookReceiver.Request request = receiver.awaitType(type, WAIT);
        assertEquals(
            Verdict.ACCEPTED,
            verifier.verify(request.header("Planbok-Signature"), request.body()),
            type + " passes the documented check");
        JsonObject event = request.json();
        assertEquals(type, event.getString("type"));
        assertEquals(request.header("Planbok-Event-Id"), event.getString("id"));
        assertEquals(tenant.id(), event.getString("organizationId"));
        assertNotNull(Instant.parse(event.getString("createdAt")));
        assertEquals("application/json", request.header("Content-Type"));
        for (String secret : secrets) {
          assertFalse(request.text().contains(secret), type + " carries no secret");
        }
        assertFalse(request.text().contains("encryptedSecret"), type);
      }
      JsonObject created = receiver.awaitType("key.created", WAIT).json().getJsonObject("data");
      assertEquals(key.getString("id"), created.getString("keyId"));
      assertEquals(customer.customerId(), created.getString("customerId"));
      JsonObject export = receiver.awaitType("export.completed", WAIT).json().getJsonObject("data");
      assertEquals(wallet.getString("id"), export.getString("walletId"));
      assertEquals(wallet.getString("address"), export.getString("address"));
      assertEquals(
          locked.customerId(),
          receiver
              .awaitType("pin.locked", WAIT)
              .json()
              .getJsonObject("data")
              .getString("customerId"));
      Instant maturesAt =
          Instant.parse(matured.json().getJsonObject("data").getString("maturesAt"));
      assertFalse(matured.at().isBefore(maturesAt), "recovery.matured comes once it matured");

      Mailbox.sleep(7_000); // the cancelled recovery would have matured by now
      Set<String> maturedFor =
          receiver.requests().stream()
              .filter(r -> "recovery.matured".equals(r.type()))
              .map(r -> r.json().getJsonObject("data").getString("customerId"))
              .collect(Collectors.toSet());
      assertEquals(Set.of(customer.customerId()), maturedFor, "a cancelled recovery never matures");
      assertEquals(
          1,
          receiver.requests().stream().filter(r -> "pin.locked".equals(r.type())).count(),
          "one event per lockout, not per refused attempt");
    }
  }

  /**
   * A signing policy refuses a TRX transfer to an address it does not allow: the request is a 403
   * and rolls back, yet signature.refused arrives, signed, with the rule and field of the refusal.
   */
  @Test
  void aPolicyRefusalArrivesAsSignatureRefusedWithItsRuleAndField() throws Exception {
    Tenant tenant = Tenant.create(api, "Webhook Policy Co " + UUID.randomUUID());
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      Endpoint endpoint = endpoint(tenant, receiver.url(), ALL);
      PinFlow customer = PinFlow.withPin(tenant, PIN);
      assertEquals(201, customer.generateKeys(PIN, "secp256k1").status());
      Api.Reply derived =
          tenant.post(
              customer.path("/wallets"),
              "{\"chain\": \"tron\", \"index\": 0}",
              "w-" + UUID.randomUUID());
      assertEquals(201, derived.status(), derived.body());
      JsonObject wallet = derived.json();
      byte[] bob = TronPoliciesIT.tron("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
      byte[] carol = TronPoliciesIT.tron("fb6916095ca1df60bb79ce92ce3ea74c37c5d359");
      Api.Reply policy =
          tenant.put(
              "/api/v1/organization/policy",
              "{\"policy\":{\"chains\":{\"tron\":{\"recipients\":{\"allow\":[\""
                  + TronPoliciesIT.base58(bob)
                  + "\"]}}}},\"expectedVersion\":0}",
              "p-" + UUID.randomUUID());
      assertEquals(200, policy.status(), policy.body());

      byte[] raw =
          TronPayloads.transfer(
              org.bitcoinj.core.Base58.decodeChecked(wallet.getString("address")),
              carol,
              1_000_000,
              System.currentTimeMillis() + 60_000);
      Api.Reply refused =
          tenant.post(
              customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
              Json.createObjectBuilder()
                  .add("type", "transaction")
                  .add("transaction", java.util.HexFormat.of().formatHex(raw))
                  .add("encryptedSecret", customer.secret(PIN))
                  .build()
                  .toString(),
              "s-" + UUID.randomUUID());
      String field = "transaction.contract[0].parameter.value.to_address";
      PoliciesIT.assertRefused(refused, "recipients.allow", field);

      WebhookReceiver.Request request = receiver.awaitType("signature.refused", WAIT);
      assertEquals(
          Verdict.ACCEPTED,
          new WebhookVerifier(endpoint.secret())
              .verify(request.header("Planbok-Signature"), request.body()),
          "signature.refused passes the documented check");
      JsonObject event = request.json();
      assertEquals("signature.refused", event.getString("type"));
      assertEquals(request.header("Planbok-Event-Id"), event.getString("id"));
      assertEquals(tenant.id(), event.getString("organizationId"));
      JsonObject data = event.getJsonObject("data");
      assertEquals("wallet:" + wallet.getString("id"), data.getString("target"), data.toString());
      assertEquals("tron_transaction", data.getString("kind"));
      assertEquals("tron", data.getString("chain"));
      assertEquals("recipients.allow", data.getString("rule"));
      assertEquals(field, data.getString("field"));
      assertEquals("organization", data.getString("scope"));
      assertEquals(1, data.getJsonNumber("policyVersion").intValue());
      assertEquals(customer.customerId(), data.getString("customerId"));
      assertFalse(request.text().contains(customer.secret(PIN)), "carries no secret");
      assertTrue(
          receiver.requests().stream().noneMatch(r -> "signature.created".equals(r.type())),
          "nothing was signed");
    }
  }

  /**
   * Node 2 freezes a key the moment a crafted c3 fails its check, and says so to Node 1 only by
   * refusing the next session: key.frozen comes with that refusal, and the refresh that lifts the
   * freeze reports liftedFreeze.
   */
  @Test
  void aFreezeIsReportedWhenNode1LearnsOfItAndTheRefreshThatLiftsIt() throws Exception {
    Tenant tenant = Tenant.create(api, "Webhook Frozen Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      Endpoint endpoint = endpoint(tenant, receiver.url(), List.of("key.frozen", "key.refreshed"));
      PinFlow customer = PinFlow.withPin(tenant, PIN);
      String keyId = customer.key(PIN, "secp256k1").getString("id");
      String digest = java.util.HexFormat.of().formatHex(Node2RefusalsIT.random(32));
      try (Node1Link node2 = Node1Link.open()) {
        org.planbok.mpc.ecdsa.EcdsaP2KeyShare share =
            CompromisedNode1.ecdsaShare(node2, customer.subject(), customer.secret(PIN), keyId);
        byte[] d = Node2RefusalsIT.random(32);
        byte[] ticket =
            node2.ticket(
                customer.subject(),
                java.util.Base64.getUrlDecoder().decode(customer.secret(PIN)),
                Node1Protocols.wanted(keyId, org.planbok.node2.api.Operation.SIGN, d));
        io.grpc.StatusRuntimeException frozen =
            org.junit.jupiter.api.Assertions.assertThrows(
                io.grpc.StatusRuntimeException.class,
                () ->
                    Node1Protocols.sign(node2, customer.subject(), keyId, share, d, ticket, true));
        assertEquals("KEY_FROZEN", Node1Link.reasonOf(frozen));
      }
      assertTrue(
          receiver.requests().isEmpty(), "Node 1 has not learnt of the freeze yet: no event");
      assertProblem(customer.signDigest(PIN, keyId, digest, null, null), 409, "key-frozen");
      WebhookReceiver.Request frozen = receiver.awaitType("key.frozen", WAIT);
      WebhookVerifier verifier = new WebhookVerifier(endpoint.secret());
      assertEquals(
          Verdict.ACCEPTED, verifier.verify(frozen.header("Planbok-Signature"), frozen.body()));
      assertEquals(keyId, frozen.json().getJsonObject("data").getString("keyId"));

      assertEquals(200, customer.refresh(PIN, keyId).status());
      WebhookReceiver.Request refreshed = receiver.awaitType("key.refreshed", WAIT);
      assertEquals(
          Verdict.ACCEPTED,
          verifier.verify(refreshed.header("Planbok-Signature"), refreshed.body()));
      assertTrue(refreshed.json().getJsonObject("data").getBoolean("liftedFreeze"));
      assertEquals(
          1,
          receiver.requests().stream().filter(r -> "key.frozen".equals(r.type())).count(),
          "one event per freeze");
    }
  }

  @Test
  void aReceiverThatIsNotListeningGetsTheEventOnceItIs() {
    Tenant tenant = Tenant.create(api, "Webhook Down Co");
    try (WebhookReceiver receiver = WebhookReceiver.onFreePort()) {
      Endpoint endpoint = endpoint(tenant, receiver.url(), List.of("key.created"));
      assertEquals(202, ping(tenant, endpoint).status());
      JsonObject failing = awaitDelivery(tenant, endpoint, d -> d.getInt("attempts") >= 1);
      assertEquals("PENDING", failing.getString("state"));
      receiver.start();
      WebhookReceiver.Request got = receiver.awaitType("webhook.ping", WAIT);
      assertEquals(
          Verdict.ACCEPTED,
          new WebhookVerifier(endpoint.secret())
              .verify(got.header("Planbok-Signature"), got.body()));
      JsonObject delivered =
          awaitDelivery(tenant, endpoint, d -> d.getString("state").equals("DELIVERED"));
      var log = delivered.getJsonArray("log");
      assertTrue(log.size() >= 2, log.toString());
      JsonObject first = log.getJsonObject(0);
      assertTrue(first.isNull("statusCode"), "nobody answered: " + first);
      assertFalse(first.getString("error").isBlank());
      assertEquals(200, log.getJsonObject(log.size() - 1).getInt("statusCode"));
    }
  }

  @Test
  void aReceiverAnswering500sGetsTheEventAfterRetriesAndTheLogShowsThem() {
    Tenant tenant = Tenant.create(api, "Webhook Flaky Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      receiver.answer(500, 503);
      Endpoint endpoint = endpoint(tenant, receiver.url(), List.of("key.created"));
      assertEquals(202, ping(tenant, endpoint).status());
      receiver.awaitType("webhook.ping", WAIT);
      JsonObject delivered =
          awaitDelivery(tenant, endpoint, d -> d.getString("state").equals("DELIVERED"));
      assertEquals(3, delivered.getInt("attempts"));
      List<Integer> statuses = new ArrayList<>();
      delivered
          .getJsonArray("log")
          .forEach(a -> statuses.add(a.asJsonObject().getInt("statusCode")));
      assertEquals(List.of(500, 503, 200), statuses);
      List<WebhookReceiver.Request> requests = receiver.requests();
      assertEquals(3, requests.size());
      assertEquals(
          1,
          requests.stream().map(r -> r.header("Planbok-Event-Id")).distinct().count(),
          "one event");
      assertEquals(
          3,
          requests.stream().map(r -> r.header("Planbok-Signature")).distinct().count(),
          "each attempt signed afresh");
    }
  }

  @Test
  void aDeliveryThatFailedEveryAttemptIsSentAgainOnRequest() {
    Tenant tenant = Tenant.create(api, "Webhook Redelivery Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      receiver.answer(500, 500, 500, 500);
      Endpoint endpoint = endpoint(tenant, receiver.url(), List.of("key.created"));
      assertEquals(202, ping(tenant, endpoint).status());
      JsonObject failed =
          awaitDelivery(tenant, endpoint, d -> d.getString("state").equals("FAILED"));
      assertEquals(4, failed.getInt("attempts"), "planbok.webhooks.max-attempts in the tests");
      assertEquals(4, failed.getJsonArray("log").size());
      assertEquals("answered 500", failed.getString("lastError"));

      Api.Reply again =
          tenant.post(
              "/api/v1/webhooks/deliveries/" + failed.getString("id") + "/redeliveries",
              (String) null,
              "re-" + UUID.randomUUID());
      assertEquals(202, again.status(), again.body());
      assertEquals(failed.getString("id"), again.json().getString("redeliveryOf"));
      WebhookReceiver.Request got = receiver.awaitType("webhook.ping", WAIT);
      assertEquals(failed.getString("eventId"), got.header("Planbok-Event-Id"));
      JsonObject redelivered =
          awaitDelivery(
              tenant,
              endpoint,
              d ->
                  d.getString("id").equals(again.json().getString("id"))
                      && d.getString("state").equals("DELIVERED"));
      assertEquals(1, redelivered.getInt("attempts"));

      Tenant other = Tenant.create(api, "Webhook Stranger Co");
      assertProblem(
          other.post(
              "/api/v1/webhooks/deliveries/" + failed.getString("id") + "/redeliveries",
              (String) null,
              "re-" + UUID.randomUUID()),
          404,
          "not-found");
    }
  }

  @Test
  void aTamperedReplayedOrOldDeliveryIsRefusedByTheDocumentedCheck() {
    Tenant tenant = Tenant.create(api, "Webhook Verify Co");
    try (WebhookReceiver receiver = WebhookReceiver.started()) {
      Endpoint endpoint = endpoint(tenant, receiver.url(), List.of("key.created"));
      assertEquals(202, ping(tenant, endpoint).status());
      WebhookReceiver.Request got = receiver.awaitType("webhook.ping", WAIT);
      String signature = got.header("Planbok-Signature");
      WebhookVerifier verifier = new WebhookVerifier(endpoint.secret());
      assertEquals(Verdict.ACCEPTED, verifier.verify(signature, got.body()));
      assertEquals(Verdict.DUPLICATE, verifier.verify(signature, got.body()), "a replay");
      byte[] tampered =
          got.text().replace("webhook.ping", "key.frozen").getBytes(StandardCharsets.UTF_8);
      assertEquals(
          Verdict.BAD_SIGNATURE,
          new WebhookVerifier(endpoint.secret()).verify(signature, tampered));
      WebhookVerifier later =
          new WebhookVerifier(
              endpoint.secret(),
              WebhookVerifier.DEFAULT_TOLERANCE,
              Clock.fixed(got.at().plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
      assertEquals(Verdict.STALE, later.verify(signature, got.body()), "captured and sent later");

      // After a rotation, deliveries are signed with the new secret only.
      Api.Reply rotated =
          tenant.post(
              "/api/v1/webhooks/endpoints/" + endpoint.id() + "/secret-rotations",
              (String) null,
              "rot-" + UUID.randomUUID());
      assertEquals(200, rotated.status(), rotated.body());
      String next = rotated.json().getString("secret");
      SecretsSeen.addRaw(next);
      assertFalse(next.equals(endpoint.secret()));
      assertEquals(202, ping(tenant, endpoint).status());
      WebhookReceiver.Request second =
          receiver.await(
              r -> !r.header("Planbok-Event-Id").equals(got.header("Planbok-Event-Id")), WAIT);
      assertEquals(
          Verdict.BAD_SIGNATURE,
          new WebhookVerifier(endpoint.secret())
              .verify(second.header("Planbok-Signature"), second.body()));
      assertEquals(
          Verdict.ACCEPTED,
          new WebhookVerifier(next).verify(second.header("Planbok-Signature"), second.body()));
    }
  }

  @Test
  void badInputIsA400NamingTheFieldAndChangesNothing() {
    Tenant tenant = Tenant.create(api, "Webhook Input Co");
    String path = "/api/v1/webhooks/endpoints";
    List<String> types = List.of("key.created");
    assertField(tenant.post(path, body("http://hooks.example/h", types, null), key()), "url");
    assertField(tenant.post(path, body("https://u:p@hooks.example/h", types, null), key()), "url");
    assertField(tenant.post(path, body("ftp://hooks.example/h", types, null), key()), "url");
    assertField(tenant.post(path, body("not a url", types, null), key()), "url");
    assertField(
        tenant.post(
            path,
            body("https://hooks.example/h", List.of("key.created", "key.eaten"), null),
            key()),
        "eventTypes[1]");
    assertField(
        tenant.post(path, body("https://hooks.example/h", List.of(), null), key()), "eventTypes");
    assertField(tenant.post(path, "{\"url\": \"https://hooks.example/h\"}", key()), "eventTypes");
    assertField(tenant.post(path, "{}", key()), "url");
    assertProblem(
        tenant.post(
            path,
            "{\"url\": \"https://hooks.example/h\", \"eventTypes\": [\"key.created\"], \"secret\": \"x\"}",
            key()),
        400,
        "unknown-field");
    assertProblem(
        tenant.post(path, "{\"url\": \"https://hooks.example/h\", \"eventTypes\": 1}", key()),
        400,
        "malformed-json");
    assertEquals(0, tenant.get(path).json().getJsonArray("items").size(), "nothing was made");

    Endpoint made = endpoint(tenant, "https://hooks.example/h", types);
    String one = path + "/" + made.id();
    Api.Reply withoutEnabled =
        tenant
            .api()
            .send(
                "PUT",
                one,
                body("https://hooks.example/other", types, null).getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + tenant.apiKey(),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                key());
    assertField(withoutEnabled, "enabled");
    assertEquals("https://hooks.example/h", tenant.get(one).json().getString("url"), "unchanged");
    Api.Reply disabled =
        tenant
            .api()
            .send(
                "PUT",
                one,
                body("https://hooks.example/other", types, false).getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + tenant.apiKey(),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                key());
    assertEquals(200, disabled.status(), disabled.body());
    assertFalse(disabled.json().getBoolean("enabled"));
    assertField(ping(tenant, made), "enabled");
    assertField(tenant.get(one + "/deliveries?limit=0"), "limit");
    assertProblem(tenant.get(path + "/not-a-uuid"), 404, "not-found");
    assertFalse(tenant.get(one).body().contains("whsec_"), "the secret is never shown again");

    Tenant other = Tenant.create(api, "Webhook Other Co");
    assertProblem(other.get(one), 404, "not-found");
    assertProblem(other.delete(one, key()), 404, "not-found");
    assertEquals(204, tenant.delete(one, key()).status());
    assertProblem(tenant.get(one), 404, "not-found");
  }

  @Test
  void theConsoleManagesEndpointsForAdminsOnly() {
    Tenant tenant = Tenant.create(api, "Webhook Console Co");
    ConsoleClient viewer = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "viewer"));
    assertProblem(viewer.get("webhooks"), 403, "forbidden");
    assertProblem(
        viewer.post("webhooks", body("https://hooks.example/h", List.of("key.created"), null)),
        403,
        "forbidden");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    Api.Reply made =
        admin.post("webhooks", body("https://hooks.example/h", List.of("pin.locked"), null));
    assertEquals(201, made.status(), made.body());
    assertTrue(made.json().getString("secret").startsWith("whsec_"));
    SecretsSeen.addRaw(made.json().getString("secret"));
    JsonObject overview = admin.get("webhooks").json();
    assertEquals(1, overview.getJsonArray("endpoints").size());
    assertEquals(ALL.size(), overview.getJsonArray("eventTypes").size());
    assertEquals(
        "https://hooks.example/h",
        tenant
            .get("/api/v1/webhooks/endpoints")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("url"),
        "the API sees what the console made");
  }

  private static String key() {
    return "k-" + UUID.randomUUID();
  }

  private static void assertField(Api.Reply reply, String field) {
    assertProblem(reply, 400, "invalid-field");
    assertEquals(field, reply.json().getString("field"), reply.body());
  }

  private static Api.Reply ping(Tenant tenant, Endpoint endpoint) {
    return tenant.post(
        "/api/v1/webhooks/endpoints/" + endpoint.id() + "/pings",
        (String) null,
        "p-" + UUID.randomUUID());
  }

  /** Polls the endpoint's delivery log until its newest delivery that matches is there. */
  private static JsonObject awaitDelivery(
      Tenant tenant, Endpoint endpoint, java.util.function.Predicate<JsonObject> wanted) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Api.Reply list =
          tenant.get("/api/v1/webhooks/endpoints/" + endpoint.id() + "/deliveries?limit=10");
      assertEquals(200, list.status(), list.body());
      for (var item : list.json().getJsonArray("items")) {
        if (wanted.test(item.asJsonObject())) {
          return item.asJsonObject();
        }
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("no such delivery: " + list.body());
      }
      Mailbox.sleep(100);
    }
  }
}
