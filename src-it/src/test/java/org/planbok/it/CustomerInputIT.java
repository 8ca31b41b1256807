package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.CustomerApiIT.assertField;
import static org.planbok.it.CustomerApiIT.assertUnauthenticated;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input for every field of every new endpoint gets a 4xx naming the field and leaves Node 1's
 * database as it was; one organization can reach nothing of another's on any endpoint.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerInputIT {
  private final Api api = Api.node1();
  private Tenant tenant;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void organization() {
    tenant = Tenant.create(api, "Input " + UUID.randomUUID());
  }

  /** Posts {@code body} to {@code path}, expects the problem, and that nothing changed. */
  private void refused(String path, byte[] body, int status, String type, String field) {
    String before = Node1Database.snapshot();
    Api.Reply reply = tenant.post(path, body, "bad-" + UUID.randomUUID());
    assertField(reply, status, type, field);
    assertFalse(reply.body().contains("at org."), reply.body());
    assertEquals(before, Node1Database.snapshot(), "nothing changed after " + reply.body());
  }

  private void refused(String path, String json, int status, String type, String field) {
    refused(path, json.getBytes(StandardCharsets.UTF_8), status, type, field);
  }

  private void refusedCustomer(String json, int status, String type, String field) {
    refused("/api/v1/customers", json, status, type, field);
  }

  @Test
  void everyCustomerFieldIsCheckedAndNamed() {
    String ok = "\"email\": \"ok@example.com\"";
    String okRef = "\"externalRef\": \"ok-1\"";
    // missing or null
    refusedCustomer("{" + ok + "}", 400, "invalid-field", "externalRef");
    refusedCustomer("{\"externalRef\": null, " + ok + "}", 400, "invalid-field", "externalRef");
    refusedCustomer("{" + okRef + "}", 400, "invalid-field", "email");
    // wrong type
    refusedCustomer("{\"externalRef\": 42, " + ok + "}", 400, "malformed-json", "externalRef");
    refusedCustomer("{\"externalRef\": [\"a\"], " + ok + "}", 400, "malformed-json", "externalRef");
    refusedCustomer("{" + okRef + ", \"email\": {\"a\": 1}}", 400, "malformed-json", "email");
    refusedCustomer("{" + okRef + ", \"email\": true}", 400, "malformed-json", "email");
    // too long
    refusedCustomer(
        "{\"externalRef\": \"" + "r".repeat(129) + "\", " + ok + "}",
        400,
        "invalid-field",
        "externalRef");
    refusedCustomer(
        "{" + okRef + ", \"email\": \"" + "e".repeat(64) + "@" + "d".repeat(190) + ".com\"}",
        400,
        "invalid-field",
        "email");
    // empty, bad charset or format
    refusedCustomer("{\"externalRef\": \"\", " + ok + "}", 400, "invalid-field", "externalRef");
    refusedCustomer(
        "{\"externalRef\": \"has space\", " + ok + "}", 400, "invalid-field", "externalRef");
    refusedCustomer("{\"externalRef\": \"r/1\", " + ok + "}", 400, "invalid-field", "externalRef");
    refusedCustomer("{" + okRef + ", \"email\": \"no-at-sign\"}", 400, "invalid-field", "email");
    refusedCustomer("{" + okRef + ", \"email\": \"a@localhost\"}", 400, "invalid-field", "email");
    refusedCustomer(
        "{" + okRef + ", \"email\": \"a b@example.com\"}", 400, "invalid-field", "email");
    // control characters and lone surrogates, escaped in otherwise valid JSON
    refusedCustomer(
        "{\"externalRef\": \"a\\u0000b\", " + ok + "}", 400, "invalid-encoding", "externalRef");
    refusedCustomer(
        "{" + okRef + ", \"email\": \"a\\u001b@example.com\"}", 400, "invalid-encoding", "email");
    refusedCustomer(
        "{\"externalRef\": \"\\ud800\", " + ok + "}", 400, "invalid-encoding", "externalRef");
    // unknown and duplicate fields
    refusedCustomer(
        "{" + okRef + ", " + ok + ", \"nickname\": \"x\"}", 400, "unknown-field", "nickname");
    refusedCustomer("{" + okRef + ", " + ok + ", " + ok + "}", 400, "malformed-json", "email");
    // not an object, not JSON, no body
    refusedCustomer("[]", 400, "malformed-json", "body");
    refusedCustomer("null", 400, "malformed-json", "body");
    refused("/api/v1/customers", new byte[0], 400, "invalid-field", "body");
    String before = Node1Database.snapshot();
    assertProblem(
        tenant.post("/api/v1/customers", "{\"externalRef\": ", "bad-json"), 400, "malformed-json");
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNamingTheField() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        "{\"externalRef\": \"ok-2\", \"email\": \"caf".getBytes(StandardCharsets.UTF_8));
    body.write(0xE9); // ISO-8859-1 é: not UTF-8
    body.writeBytes("@example.com\"}".getBytes(StandardCharsets.UTF_8));
    refused("/api/v1/customers", body.toByteArray(), 400, "invalid-encoding", "email");

    byte[] overlong = "{\"externalRef\": \"X\", \"email\": \"a@example.com\"}".getBytes();
    overlong[17] = (byte) 0xC0; // an overlong encoding of a one-byte character
    refused("/api/v1/customers", overlong, 400, "invalid-encoding", "externalRef");

    String before = Node1Database.snapshot();
    Api.Reply latin1 =
        api.send(
            "POST",
            "/api/v1/customers",
            "{\"externalRef\": \"x\", \"email\": \"x@example.com\"}".getBytes(),
            "Authorization",
            "Bearer " + tenant.apiKey(),
            "Content-Type",
            "application/json; charset=ISO-8859-1",
            "Idempotency-Key",
            "latin1");
    assertField(latin1, 400, "invalid-encoding", "body");
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void hugeBodiesAre413BeforeParsingWithOrWithoutContentLength() {
    String huge =
        "{\"externalRef\": \"big-1\", \"email\": \"big@example.com\", \"pad\": \""
            + "x".repeat(70 * 1024)
            + "\"}";
    refused("/api/v1/customers", huge, 413, "payload-too-large", "body");
    String before = Node1Database.snapshot();
    Api.Reply chunked =
        api.sendChunked(
            "POST",
            "/api/v1/customers",
            huge.getBytes(StandardCharsets.UTF_8),
            "Authorization",
            "Bearer " + tenant.apiKey(),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "chunked");
    assertField(chunked, 413, "payload-too-large", "body");
    assertEquals(before, Node1Database.snapshot());
    // Unauthenticated huge bodies are refused as well, never read beyond the limit.
    Api.Reply anonymous =
        api.send(
            "POST",
            "/api/v1/customers",
            huge.getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertEquals(413, anonymous.status(), anonymous.body());
  }

  @Test
  void apiKeyLabelsAreChecked() {
    String path = "/api/v1/api-keys";
    refused(path, "{}", 400, "invalid-field", "label");
    refused(path, "{\"label\": \"\"}", 400, "invalid-field", "label");
    refused(path, "{\"label\": \"  \"}", 400, "invalid-field", "label");
    refused(path, "{\"label\": 7}", 400, "malformed-json", "label");
    refused(path, "{\"label\": \"" + "l".repeat(101) + "\"}", 400, "invalid-field", "label");
    refused(path, "{\"label\": \"a\\nb\"}", 400, "invalid-encoding", "label");
    refused(path, "{\"label\": \"a\", \"scope\": \"all\"}", 400, "unknown-field", "scope");
  }

  @Test
  void organizationFieldsAreChecked() {
    String[][] cases = {
      {"{}", "invalid-field", "name"},
      {"{\"name\": \"\"}", "invalid-field", "name"},
      {"{\"name\": 1}", "malformed-json", "name"},
      {"{\"name\": \"" + "n".repeat(201) + "\"}", "invalid-field", "name"},
      {"{\"name\": \"a\\u0007\"}", "invalid-encoding", "name"},
      {"{\"name\": \"a\", \"firstKeyLabel\": \"\"}", "invalid-field", "firstKeyLabel"},
      {"{\"name\": \"a\", \"firstKeyLabel\": false}", "malformed-json", "firstKeyLabel"},
      {"{\"name\": \"a\", \"owner\": \"me\"}", "unknown-field", "owner"},
    };
    for (String[] c : cases) {
      String before = Node1Database.snapshot();
      Api.Reply reply = Tenant.createOrganization(api, c[0], "org-bad-" + UUID.randomUUID());
      assertField(reply, 400, c[1], c[2]);
      assertEquals(before, Node1Database.snapshot(), c[0]);
    }
  }

  @Test
  void anotherOrganizationsCustomersAreNotFoundOnEveryEndpoint() {
    Tenant other = Tenant.create(api, "Other " + UUID.randomUUID());
    JsonObject mine = tenant.createCustomer("shared-ref", "mine@example.com");
    String id = mine.getString("id");
    String before = Node1Database.snapshot();

    assertProblem(other.get("/api/v1/customers/" + id), 404, "not-found");
    assertProblem(
        other.post("/api/v1/customers/" + id + "/disable", (String) null, "steal"),
        404,
        "not-found");
    assertEquals(0, other.get("/api/v1/customers").json().getJsonArray("items").size());
    assertEquals(
        0,
        other.get("/api/v1/customers?externalRef=shared-ref").json().getJsonArray("items").size());
    assertEquals(
        0,
        other.get("/api/v1/customers?email=mine@example.com").json().getJsonArray("items").size());
    // A cursor made from my list moves nobody into my customers.
    tenant.createCustomer("shared-ref-2", "mine2@example.com");
    String cursor = tenant.get("/api/v1/customers?limit=1").json().getString("nextCursor");
    assertEquals(
        0, other.get("/api/v1/customers?cursor=" + cursor).json().getJsonArray("items").size());
    before = Node1Database.snapshot();

    assertEquals("ACTIVE", tenant.get("/api/v1/customers/" + id).json().getString("status"));
    // The same externalRef is free in another organization.
    other.createCustomer("shared-ref", "theirs@example.com");
    assertFalse(before.equals(Node1Database.snapshot()));
  }

  @Test
  void anotherOrganizationsKeysAreNotFoundOnEveryEndpoint() {
    Tenant other = Tenant.create(api, "Other keys " + UUID.randomUUID());
    String myKeyId =
        tenant
            .get("/api/v1/api-keys")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    String before = Node1Database.snapshot();
    assertProblem(other.get("/api/v1/api-keys/" + myKeyId), 404, "not-found");
    assertProblem(other.delete("/api/v1/api-keys/" + myKeyId, "steal-key"), 404, "not-found");
    String theirList = other.get("/api/v1/api-keys").body();
    assertFalse(theirList.contains(myKeyId), theirList);
    assertEquals(before, Node1Database.snapshot());
    assertTrue(tenant.get("/api/v1/api-keys/" + myKeyId).json().isNull("revokedAt"));
    assertEquals(200, tenant.get("/api/v1/customers").status());
  }

  @Test
  void anOrganizationKeyCannotActAsTheOperator() {
    String before = Node1Database.snapshot();
    Api.Reply reply =
        api.send(
            "POST",
            "/api/v1/operator/organizations",
            "{\"name\": \"x\"}".getBytes(),
            "Authorization",
            "Bearer " + tenant.apiKey(),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "op");
    assertUnauthenticated(reply);
    assertEquals(before, Node1Database.snapshot());
  }

  @Test
  void unknownIdsAreNotFound() {
    assertProblem(tenant.get("/api/v1/customers/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(tenant.get("/api/v1/customers/not-a-uuid"), 404, "not-found");
    assertProblem(
        tenant.post("/api/v1/customers/" + UUID.randomUUID() + "/disable", (String) null, "u"),
        404,
        "not-found");
    assertProblem(tenant.delete("/api/v1/api-keys/" + UUID.randomUUID(), "u2"), 404, "not-found");
  }
}
