package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An organization made for a test through the operator API, with its first API key, and the
 * authenticated calls it makes as an integrator's backend would.
 */
record Tenant(String id, String apiKey, Api api) {

  /** The development operator token that scripts/servers.sh made for these servers. */
  static String operatorToken() {
    try {
      return Files.readString(
              Path.of(System.getProperty("planbok.it.data"), "operator-token"),
              StandardCharsets.US_ASCII)
          .strip();
    } catch (IOException e) {
      throw new IllegalStateException("no operator token: " + e.getMessage(), e);
    }
  }

  static Api.Reply createOrganization(Api api, String json, String idempotencyKey) {
    return api.send(
        "POST",
        "/api/v1/operator/organizations",
        json.getBytes(StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + operatorToken(),
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        idempotencyKey);
  }

  static Tenant create(Api api, String name) {
    String body = Json.createObjectBuilder().add("name", name).build().toString();
    Api.Reply reply = createOrganization(api, body, "org-" + UUID.randomUUID());
    assertEquals(201, reply.status(), reply.body());
    JsonObject json = reply.json();
    return new Tenant(
        json.getString("id"), json.getJsonObject("firstApiKey").getString("apiKey"), api);
  }

  Tenant withKey(String otherKey) {
    return new Tenant(id, otherKey, api);
  }

  Api.Reply get(String path) {
    return api.send("GET", path, null, "Authorization", "Bearer " + apiKey);
  }

  Api.Reply post(String path, String json, String idempotencyKey) {
    return post(path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), idempotencyKey);
  }

  Api.Reply post(String path, byte[] body, String idempotencyKey) {
    return idempotencyKey == null
        ? api.send(
            "POST",
            path,
            body,
            "Authorization",
            "Bearer " + apiKey,
            "Content-Type",
            "application/json")
        : api.send(
            "POST",
            path,
            body,
            "Authorization",
            "Bearer " + apiKey,
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            idempotencyKey);
  }

  Api.Reply put(String path, String json, String idempotencyKey) {
    return api.send(
        "PUT",
        path,
        json.getBytes(StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + apiKey,
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        idempotencyKey);
  }

  Api.Reply delete(String path, String idempotencyKey) {
    return api.send(
        "DELETE",
        path,
        null,
        "Authorization",
        "Bearer " + apiKey,
        "Idempotency-Key",
        idempotencyKey);
  }

  /** Creates a customer and returns its JSON, asserting 201. */
  JsonObject createCustomer(String externalRef, String email) {
    String body =
        Json.createObjectBuilder()
            .add("externalRef", externalRef)
            .add("email", email)
            .build()
            .toString();
    Api.Reply reply = post("/api/v1/customers", body, "create-" + UUID.randomUUID());
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  @Override
  public String toString() {
    return "Tenant[" + id + "]";
  }
}
