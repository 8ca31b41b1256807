package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A console user's browser, as far as the console API sees it: a cookie jar for the session and the
 * CSRF token the sign-in answered, sent with every change (unless a test leaves it out).
 */
final class ConsoleClient {
  private final String base = System.getProperty("planbok.it.node1", "http://127.0.0.1:8080");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new LoopbackCookies())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String csrfToken;

  /** A console user with the password generated for them. */
  record Credentials(String id, String email, String password) {}

  /** Each organization's first admin, whom the operator token made. */
  private static final Map<String, Credentials> FIRST_ADMINS = new ConcurrentHashMap<>();

  /**
   * A console user of the organization: its first admin comes from the operator token, every
   * further user from that admin in the console, as the operator token makes nothing else.
   */
  static Credentials bootstrap(Tenant tenant, String role) {
    Credentials first = FIRST_ADMINS.get(tenant.id());
    if (first == null) {
      first = firstAdmin(tenant);
      FIRST_ADMINS.put(tenant.id(), first);
      if (role.equals("admin")) {
        return first;
      }
    }
    String email = role + "-" + UUID.randomUUID() + "@acme.example";
    Api.Reply reply = signedIn(first).post("users", body("email", email, "role", role));
    assertEquals(201, reply.status(), reply.body());
    JsonObject json = reply.json();
    SecretsSeen.addText(json.getString("password"));
    return new Credentials(json.getString("id"), email, json.getString("password"));
  }

  private static Credentials firstAdmin(Tenant tenant) {
    String email = "admin-" + UUID.randomUUID() + "@acme.example";
    Api.Reply reply = operatorMakesAdmin(tenant.api(), tenant.id(), email, "admin");
    assertEquals(201, reply.status(), reply.body());
    JsonObject json = reply.json();
    SecretsSeen.addText(json.getString("password"));
    return new Credentials(json.getString("id"), email, json.getString("password"));
  }

  /** The operator's call that makes an organization's first console admin. */
  static Api.Reply operatorMakesAdmin(Api api, String organization, String email, String role) {
    // The new admin is told by mail: the tests' servers send it to the tests' mail server.
    Mailbox.start();
    return api.send(
        "POST",
        "/api/v1/operator/organizations/" + organization + "/console-users",
        body("email", email, "role", role).getBytes(StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + Tenant.operatorToken(),
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        "user-" + UUID.randomUUID());
  }

  static ConsoleClient signedIn(Credentials user) {
    ConsoleClient client = new ConsoleClient();
    Api.Reply reply = client.signIn(user.email(), user.password());
    assertEquals(200, reply.status(), reply.body());
    return client;
  }

  Api.Reply signIn(String email, String password) {
    return signIn(email, password, null);
  }

  /** Signing in from {@code client}, as a reverse proxy names it in X-Forwarded-For. */
  Api.Reply signIn(String email, String password, String client) {
    String body = body("email", email, "password", password);
    Api.Reply reply =
        client == null
            ? send("POST", "/api/v1/console/session", body, false)
            : send("POST", "/api/v1/console/session", body, false, "X-Forwarded-For", client);
    if (reply.status() == 200) {
      csrfToken = reply.json().getString("csrfToken");
    }
    return reply;
  }

  Api.Reply get(String path) {
    return send("GET", "/api/v1/console/" + path, null, false);
  }

  /** A change with the session's CSRF token. */
  Api.Reply post(String path, String json) {
    return send("POST", "/api/v1/console/" + path, json, true);
  }

  /** A change without the CSRF token, as a forged request would come. */
  Api.Reply postWithoutToken(String path, String json) {
    return send("POST", "/api/v1/console/" + path, json, false);
  }

  Api.Reply send(String method, String path, String json, boolean withToken, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (withToken && csrfToken != null) {
      request.header("X-CSRF-Token", csrfToken);
    }
    if (!method.equals("GET")) {
      request.header("Idempotency-Key", "console-" + UUID.randomUUID());
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return Api.send(http, request.build());
  }

  String csrfToken() {
    return csrfToken;
  }

  /** A flat JSON object of string fields: name, value, name, value, … */
  static String body(String... fields) {
    var json = Json.createObjectBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      json.add(fields[i], fields[i + 1]);
    }
    return json.build().toString();
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
