package org.planbok.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one signed delivery: {@code POST} of the event's JSON with {@code Planbok-Event-Id}, {@code
 * Planbok-Event-Type}, {@code Planbok-Delivery-Id} and {@code Planbok-Signature} (signed at the
 * moment of sending, so a retry carries a fresh timestamp), under the configured timeout, never
 * following a redirect (a 3xx is a failure). Only the status code is kept of the answer.
 */
@ApplicationScoped
public class Courier {
  static final String USER_AGENT = "Planbok-Webhooks/1";

  @Inject WebhookSettings settings;
  private volatile HttpClient client;

  /** What became of one attempt. */
  public record Outcome(Integer status, String error, Duration took) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  Outcome send(Parcel parcel) {
    if (parcel.refusal() != null) {
      return new Outcome(null, parcel.refusal(), Duration.ZERO);
    }
    long start = System.nanoTime();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(parcel.url())
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", USER_AGENT)
              .header("Planbok-Event-Id", parcel.eventId())
              .header("Planbok-Event-Type", parcel.eventType())
              .header("Planbok-Delivery-Id", parcel.delivery().toString())
              .header(
                  WebhookSigner.HEADER,
                  WebhookSigner.header(
                      parcel.secrets(), Instant.now().getEpochSecond(), parcel.body()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(parcel.body()))
              .build();
      HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new Outcome(
          status, status >= 200 && status < 300 ? null : "answered " + status, since(start));
    } catch (HttpTimeoutException e) {
      return new Outcome(null, "timed out after " + settings.timeout(), since(start));
    } catch (IOException e) {
      return new Outcome(null, describe(e), since(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted", since(start));
    } catch (RuntimeException e) {
      return new Outcome(null, describe(e), since(start));
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      c =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(settings.timeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      client = c;
    }
    return c;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
