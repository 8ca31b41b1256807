package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Organizations, API keys and customers through HTTP on the real servers: the operator creates an
 * organization, which manages its keys and customers; authentication and idempotency hold.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerApiIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  private static String ref() {
    return "it-" + UUID.randomUUID();
  }

  @Test
  void operatorCreatesAnOrganizationWhoseFirstKeyWorks() {
    Api.Reply created =
        Tenant.createOrganization(
            api, "{\"name\": \"Acme\", \"firstKeyLabel\": \"first\"}", "org-" + UUID.randomUUID());
    assertEquals(201, created.status(), created.body());
    JsonObject body = created.json();
    assertEquals("Acme", body.getString("name"));
    JsonObject key = body.getJsonObject("firstApiKey");
    assertEquals("first", key.getString("label"));
    assertTrue(key.getString("apiKey").matches("pbk_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"));
    assertTrue(key.getString("apiKey").startsWith(key.getString("prefix") + "_"));
    Tenant tenant = new Tenant(body.getString("id"), key.getString("apiKey"), api);
    Api.Reply list = tenant.get("/api/v1/customers");
    assertEquals(200, list.status(), list.body());
    assertEquals(0, list.json().getJsonArray("items").size());
    assertTrue(list.json().isNull("nextCursor"));
    // Only a 32-byte hash of the key is stored, and the stored response has no key text.
    assertEquals(
        32,
        Node1Database.count(
            "SELECT octet_length(secret_hash) FROM api_key WHERE id = ?", key.getString("id")));
    assertEquals(
        0,
        Node1Database.count(
            "SELECT count(*) FROM idempotency_record WHERE response_body LIKE ?",
            "%" + key.getString("apiKey").substring(42) + "%"));
  }

  @Test
  void operatorApiRefusesOrganizationKeysAndMissingTokens() {
    Tenant tenant = Tenant.create(api, "Operator refusal");
    String before = Node1Database.snapshot();
    Api.Reply withApiKey =
        api.send(
            "POST",
            "/api/v1/operator/organizations",
            "{\"name\": \"x\"}".getBytes(),
            "Authorization",
            "Bearer " + tenant.apiKey(),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "k1");
    assertUnauthenticated(withApiKey);
    Api.Reply without =
        api.send(
            "POST",
            "/api/v1/operator/organizations",
            "{\"name\": \"x\"}".getBytes(),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "k2");
    assertUnauthenticated(without);
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void customersAreCreatedListedFilteredFetchedAndDisabled() {
    Tenant tenant = Tenant.create(api, "Flow");
    List<JsonObject> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(tenant.createCustomer("flow-" + i, "user" + i + "@example.com"));
    }
    JsonObject first = made.get(0);
    assertEquals("ACTIVE", first.getString("status"));
    assertEquals("flow-0", first.getString("externalRef"));

    Api.Reply created =
        tenant.post(
            "/api/v1/customers",
            "{\"externalRef\": \"flow-loc\", \"email\": \"Loc@Example.com\"}",
            "loc-" + UUID.randomUUID());
    assertEquals(201, created.status());
    assertTrue(
        created.header("Location").endsWith("/api/v1/customers/" + created.json().getString("id")),
        created.header("Location"));
    made.add(created.json());

    Api.Reply got = tenant.get("/api/v1/customers/" + first.getString("id"));
    assertEquals(200, got.status(), got.body());
    assertEquals(first, got.json());

    // Pages of 2 in creation order, the last one without a cursor.
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Reply page =
          tenant.get("/api/v1/customers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page.body());
      JsonArray items = page.json().getJsonArray("items");
      assertTrue(items.size() <= 2);
      items.forEach(v -> seen.add(v.asJsonObject().getString("id")));
      cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(made.stream().map(c -> c.getString("id")).toList(), seen);
    assertEquals(3, pages);

    Api.Reply disabled =
        tenant.post(
            "/api/v1/customers/" + first.getString("id") + "/disable",
            (String) null,
            "disable-" + UUID.randomUUID());
    assertEquals(200, disabled.status(), disabled.body());
    assertEquals("DISABLED", disabled.json().getString("status"));
    // Disabling again (a new key: a new request) changes nothing.
    Api.Reply again =
        tenant.post(
            "/api/v1/customers/" + first.getString("id") + "/disable",
            (String) null,
            "disable-" + UUID.randomUUID());
    assertEquals(200, again.status(), again.body());
    assertEquals(disabled.json(), again.json());

    JsonArray disabledOnes =
        tenant.get("/api/v1/customers?status=DISABLED").json().getJsonArray("items");
    assertEquals(1, disabledOnes.size());
    assertEquals(first.getString("id"), disabledOnes.getJsonObject(0).getString("id"));
    assertEquals(
        5, tenant.get("/api/v1/customers?status=ACTIVE").json().getJsonArray("items").size());
    JsonArray byEmail =
        tenant.get("/api/v1/customers?email=loc@example.COM").json().getJsonArray("items");
    assertEquals(1, byEmail.size());
    assertEquals("flow-loc", byEmail.getJsonObject(0).getString("externalRef"));
    JsonArray byRef =
        tenant.get("/api/v1/customers?externalRef=flow-3").json().getJsonArray("items");
    assertEquals(1, byRef.size());
    assertEquals(
        0,
        tenant
            .get("/api/v1/customers?externalRef=flow-3&status=DISABLED")
            .json()
            .getJsonArray("items")
            .size());
  }

  @Test
  void badListParametersAreNamed() {
    Tenant tenant = Tenant.create(api, "List parameters");
    assertField(tenant.get("/api/v1/customers?limit=0"), 400, "invalid-field", "limit");
    assertField(tenant.get("/api/v1/customers?limit=101"), 400, "invalid-field", "limit");
    assertField(tenant.get("/api/v1/customers?limit=ten"), 400, "invalid-field", "limit");
    assertField(tenant.get("/api/v1/customers?cursor=abc"), 400, "invalid-field", "cursor");
    assertField(tenant.get("/api/v1/customers?status=GONE"), 400, "invalid-field", "status");
    assertField(tenant.get("/api/v1/customers?email=nope"), 400, "invalid-field", "email");
    assertField(
        tenant.get("/api/v1/customers?externalRef=a%20b"), 400, "invalid-field", "externalRef");
    assertField(tenant.get("/api/v1/customers?sort=name"), 400, "unknown-field", "sort");
    assertField(tenant.get("/api/v1/customers?limit=1&limit=2"), 400, "invalid-field", "limit");
  }

  @Test
  void duplicateExternalRefIsA409NamingIt() {
    Tenant tenant = Tenant.create(api, "Duplicates");
    tenant.createCustomer("dup-1", "a@example.com");
    String before = Node1Database.snapshot();
    Api.Reply reply =
        tenant.post(
            "/api/v1/customers",
            "{\"externalRef\": \"dup-1\", \"email\": \"b@example.com\"}",
            "dup-" + UUID.randomUUID());
    assertField(reply, 409, "already-exists", "externalRef");
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void anOrganizationCreatesListsAndRevokesItsKeys() {
    Tenant tenant = Tenant.create(api, "Keys");
    Api.Reply created =
        tenant.post("/api/v1/api-keys", "{\"label\": \"billing\"}", "key-" + UUID.randomUUID());
    assertEquals(201, created.status(), created.body());
    JsonObject key = created.json();
    String secret = key.getString("apiKey");
    assertTrue(created.header("Location").endsWith("/api/v1/api-keys/" + key.getString("id")));
    Tenant second = tenant.withKey(secret);
    assertEquals(200, second.get("/api/v1/customers").status());

    Api.Reply list = tenant.get("/api/v1/api-keys");
    assertEquals(200, list.status(), list.body());
    assertFalse(list.body().contains(secret.substring(42)), "no secret in the list");
    assertFalse(list.body().contains("apiKey"));
    JsonArray items = list.json().getJsonArray("items");
    assertEquals(2, items.size());
    JsonObject listed = items.getJsonObject(1);
    assertEquals("billing", listed.getString("label"));
    assertNotEquals(JsonValue.NULL, listed.get("lastUsedAt"));
    assertTrue(listed.isNull("revokedAt"));

    Api.Reply revoked = tenant.delete("/api/v1/api-keys/" + key.getString("id"), "rev-1");
    assertEquals(204, revoked.status(), revoked.body());
    assertUnauthenticated(second.get("/api/v1/customers"));
    assertUnauthenticated(second.get("/api/v1/api-keys"));
    JsonObject after = tenant.get("/api/v1/api-keys/" + key.getString("id")).json();
    assertFalse(after.isNull("revokedAt"));
    // The first key still works, and revoking again changes nothing.
    assertEquals(204, tenant.delete("/api/v1/api-keys/" + key.getString("id"), "rev-2").status());
    assertEquals(after, tenant.get("/api/v1/api-keys/" + key.getString("id")).json());
  }

  @Test
  void aKeyMayRevokeItself() {
    Tenant tenant = Tenant.create(api, "Self revocation");
    JsonObject keys = tenant.get("/api/v1/api-keys").json();
    String own = keys.getJsonArray("items").getJsonObject(0).getString("id");
    assertEquals(204, tenant.delete("/api/v1/api-keys/" + own, "self").status());
    assertUnauthenticated(tenant.get("/api/v1/customers"));
  }

  @Test
  void missingOrGarbageAuthorizationIsUnauthenticated() {
    Tenant tenant = Tenant.create(api, "Auth");
    String valid = tenant.apiKey();
    String[] bad = {
      null,
      "",
      "Bearer",
      "Bearer ",
      "Basic dXNlcjpwYXNz",
      "Bearer garbage",
      "Bearer " + valid.substring(0, valid.length() - 1),
      "Bearer " + valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A"),
      "Bearer pbk_live_" + "0".repeat(32) + "_" + valid.substring(valid.length() - 43),
      "Bearer " + valid + "x",
    };
    for (String authorization : bad) {
      Api.Reply reply =
          authorization == null
              ? api.get("/api/v1/customers")
              : api.send("GET", "/api/v1/customers", null, "Authorization", authorization);
      assertUnauthenticated(reply);
      assertFalse(reply.body().contains(valid), "the key is never echoed");
    }
    Api.Reply post =
        api.send(
            "POST",
            "/api/v1/customers",
            "{\"externalRef\": \"x\", \"email\": \"x@example.com\"}".getBytes(),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "k");
    assertUnauthenticated(post);
  }

  @Test
  void anIdempotentRetryReturnsTheFirstResponseAndCreatesOneRow() {
    Tenant tenant = Tenant.create(api, "Idempotency");
    String ref = ref();
    String body = "{\"externalRef\": \"" + ref + "\", \"email\": \"i@example.com\"}";
    Api.Reply first = tenant.post("/api/v1/customers", body, "same-key");
    Api.Reply second = tenant.post("/api/v1/customers", body, "same-key");
    assertEquals(201, first.status(), first.body());
    assertEquals(201, second.status(), second.body());
    assertEquals(first.json(), second.json());
    assertEquals(first.header("Location"), second.header("Location"));
    assertEquals("true", second.header("Idempotent-Replayed"));
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals(
        1, Node1Database.count("SELECT count(*) FROM customer WHERE external_ref = ?", ref));

    // The same key in another organization is another key.
    Tenant other = Tenant.create(api, "Idempotency 2");
    Api.Reply elsewhere = other.post("/api/v1/customers", body, "same-key");
    assertEquals(201, elsewhere.status(), elsewhere.body());
    assertNotEquals(first.json().getString("id"), elsewhere.json().getString("id"));
  }

  @Test
  void reusingAKeyForAnotherRequestIs422AndChangesNothing() {
    Tenant tenant = Tenant.create(api, "Reuse");
    tenant.post(
        "/api/v1/customers", "{\"externalRef\": \"r-1\", \"email\": \"r@example.com\"}", "reuse");
    String before = Node1Database.snapshot();
    Api.Reply other =
        tenant.post(
            "/api/v1/customers",
            "{\"externalRef\": \"r-2\", \"email\": \"r@example.com\"}",
            "reuse");
    assertField(other, 422, "idempotency-key-reused", "Idempotency-Key");
    JsonObject c = tenant.get("/api/v1/customers?externalRef=r-1").json();
    String id = c.getJsonArray("items").getJsonObject(0).getString("id");
    Api.Reply otherPath =
        tenant.post("/api/v1/customers/" + id + "/disable", (String) null, "reuse");
    assertField(otherPath, 422, "idempotency-key-reused", "Idempotency-Key");
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void aMissingOrBadIdempotencyKeyIs400NamingTheHeader() {
    Tenant tenant = Tenant.create(api, "No key");
    String before = Node1Database.snapshot();
    String body = "{\"externalRef\": \"nk-1\", \"email\": \"n@example.com\"}";
    assertField(
        tenant.post("/api/v1/customers", body, null), 400, "invalid-header", "Idempotency-Key");
    assertField(
        tenant.post("/api/v1/customers", body, "x".repeat(256)),
        400,
        "invalid-header",
        "Idempotency-Key");
    assertField(
        tenant.post("/api/v1/api-keys", "{\"label\": \"l\"}", null),
        400,
        "invalid-header",
        "Idempotency-Key");
    Api.Reply createdOrg =
        api.send(
            "POST",
            "/api/v1/operator/organizations",
            "{\"name\": \"x\"}".getBytes(),
            "Authorization",
            "Bearer " + Tenant.operatorToken(),
            "Content-Type",
            "application/json");
    assertField(createdOrg, 400, "invalid-header", "Idempotency-Key");
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void aReplayedKeyCreationShowsTheSameKeyButNotItsSecretAgain() {
    Tenant tenant = Tenant.create(api, "Key replay");
    Api.Reply first = tenant.post("/api/v1/api-keys", "{\"label\": \"once\"}", "key-once");
    Api.Reply again = tenant.post("/api/v1/api-keys", "{\"label\": \"once\"}", "key-once");
    assertEquals(201, again.status(), again.body());
    assertEquals(first.json().getString("id"), again.json().getString("id"));
    assertTrue(first.json().containsKey("apiKey"));
    assertFalse(again.json().containsKey("apiKey"), again.body());
    assertEquals(2, tenant.get("/api/v1/api-keys").json().getJsonArray("items").size());
    assertEquals(
        0,
        Node1Database.count(
            "SELECT count(*) FROM idempotency_record WHERE response_body LIKE ?",
            "%" + first.json().getString("apiKey").substring(42) + "%"));
  }

  @Test
  void concurrentFirstAttemptsWithOneKeyCreateOneCustomer() throws Exception {
    Tenant tenant = Tenant.create(api, "Concurrency");
    String ref = ref();
    String body = "{\"externalRef\": \"" + ref + "\", \"email\": \"c@example.com\"}";
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Api.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(() -> tenant.post("/api/v1/customers", body, "concurrent"));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Api.Reply> f : pool.invokeAll(calls)) {
        Api.Reply reply = f.get();
        if (reply.status() == 201) {
          ids.add(reply.json().getString("id"));
        } else {
          assertField(reply, 409, "idempotency-in-progress", "Idempotency-Key");
        }
      }
      assertEquals(1, ids.size(), ids.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1, Node1Database.count("SELECT count(*) FROM customer WHERE external_ref = ?", ref));
  }

  @Test
  void openApiDescribesTheNewEndpointsAndTheBearerScheme() {
    Api.Reply reply = api.get("/openapi");
    assertEquals(200, reply.status());
    for (String expected :
        List.of(
            "/api/v1/customers",
            "/api/v1/customers/{id}/disable",
            "/api/v1/api-keys/{id}",
            "/api/v1/operator/organizations",
            "Idempotency-Key",
            "bearer",
            "user-4711")) {
      assertTrue(reply.body().contains(expected), expected);
    }
  }

  @Test
  void theAdminScriptCreatesAnOrganizationWithAWorkingKey() throws Exception {
    ProcessBuilder script =
        new ProcessBuilder(
            "bash",
            System.getProperty("planbok.it.scripts") + "/planbok-admin.sh",
            "create-organization",
            "Script Org",
            "bootstrap");
    script.environment().put("PLANBOK_DATA", System.getProperty("planbok.it.data"));
    script.environment().put("PLANBOK_URL", System.getProperty("planbok.it.node1"));
    script.redirectErrorStream(true);
    Process process = script.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    Matcher organization = Pattern.compile("organization +([0-9a-f-]{36})").matcher(out);
    Matcher key = Pattern.compile("api key +(pbk_live_\\S+)").matcher(out);
    assertTrue(organization.find() && key.find(), out);
    Tenant tenant = new Tenant(organization.group(1), key.group(1), api);
    assertEquals(200, tenant.get("/api/v1/customers").status());
    JsonObject keys = tenant.get("/api/v1/api-keys").json();
    assertEquals("bootstrap", keys.getJsonArray("items").getJsonObject(0).getString("label"));
  }

  @Test
  void noApiKeyOrOperatorTokenReachesTheServerLog() throws Exception {
    Tenant tenant = Tenant.create(api, "Log check");
    assertEquals(200, tenant.get("/api/v1/customers").status());
    assertUnauthenticated(
        api.send(
            "GET", "/api/v1/customers", null, "Authorization", "Bearer " + tenant.apiKey() + "x"));
    tenant.post("/api/v1/customers", "{\"externalRef\": 1}", "log-check");
    Path log =
        Path.of(
            System.getProperty("planbok.it.home"),
            "payara6/glassfish/domains/domain1/logs/server.log");
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertFalse(text.contains(tenant.apiKey().substring(42)), "API key secret in the server log");
    assertFalse(text.contains(Tenant.operatorToken()), "operator token in the server log");
  }

  static void assertUnauthenticated(Api.Reply reply) {
    assertProblem(reply, 401, "unauthenticated");
    assertNotNull(reply.header("WWW-Authenticate"));
    assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"));
  }

  static void assertField(Api.Reply reply, int status, String type, String field) {
    assertProblem(reply, status, type);
    assertEquals(field, reply.json().getString("field"), reply.body());
  }
}
