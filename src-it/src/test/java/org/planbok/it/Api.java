package org.planbok.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for Node 1, as an integrator's backend would call it. */
final class Api {
  /**
   * HTTP/1.1 as integrators' backends mostly speak it; with the default (h2c upgrade attempts) a
   * large body answered early with 413 on a reused connection once hung until the timeout.
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;

  Api(String base) {
    this.base = base;
  }

  static Api node1() {
    return new Api(System.getProperty("planbok.it.node1", "http://127.0.0.1:8080"));
  }

  static Api node2Http() {
    return new Api(System.getProperty("planbok.it.node2-http", "http://127.0.0.1:8380"));
  }

  String base() {
    return base;
  }

  /** A response with its body parsed when it is JSON. */
  record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Reply postJson(String path, String json) {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
    return send(
        HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body));
  }

  /** Any request: method, path, headers (name, value, name, value, …) and raw body bytes. */
  Reply send(String method, String path, byte[] body, String... headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, publisher);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** A body sent chunked, without Content-Length, as a streaming client would. */
  Reply sendChunked(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /**
   * Waits until Node 1 reports ready. Arquillian deploys the EAR just before the tests, and Node 1
   * opens its channel to Node 2 at the first call: on a busy machine that first call can miss its
   * deadline (503). Readiness calls Node 2, so waiting for it is what scripts/servers.sh does after
   * its own deploys.
   */
  void awaitReadiness() {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (get("/health/ready").status() != 200) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("Node 1 did not become ready in 60 s");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static Reply send(HttpRequest.Builder request) {
    return send(CLIENT, request.timeout(Duration.ofSeconds(30)).build());
  }

  /** Sends with {@code client} (the console's keeps its cookies) and reads the reply. */
  static Reply send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
