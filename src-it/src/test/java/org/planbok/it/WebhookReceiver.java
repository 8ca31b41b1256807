package org.planbok.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An integrator's webhook receiver, as small as the JDK allows: an HTTP server on loopback that
 * records every request Node 1 makes and answers the statuses it is told to (200 once those run
 * out). It can be created before it listens, so a test can give Node 1 a URL where nobody answers
 * and start listening later.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived: when, its headers (names lower-cased), the raw body, the answer. */
  record Request(Instant at, java.util.Map<String, String> headers, byte[] body, int answered) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(text()))) {
        return reader.readObject();
      }
    }

    String type() {
      return header("Planbok-Event-Type");
    }
  }

  private final int port;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private HttpServer server;

  private WebhookReceiver(int port) {
    this.port = port;
  }

  /** A receiver on a free loopback port, not listening yet. */
  static WebhookReceiver onFreePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return new WebhookReceiver(probe.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static WebhookReceiver started() {
    WebhookReceiver receiver = onFreePort();
    receiver.start();
    return receiver;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/planbok/hooks";
  }

  /** An answer that never comes in time: the request is held 8 s, then answered 200. */
  static final int HANG = 0;

  /** The next answers, in order: HTTP statuses, or {@link #HANG}. */
  synchronized void answer(int... statuses) {
    for (int s : statuses) {
      answers.add(s);
    }
  }

  void start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          java.util.Map<String, String> headers = new java.util.TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          int status;
          synchronized (this) {
            status = answers.isEmpty() ? 200 : answers.poll();
            requests.add(new Request(Instant.now(), headers, body, status));
            notifyAll();
          }
          if (status == HANG) {
            try {
              Thread.sleep(8_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The first request that matches, waiting for it up to {@code timeout}. */
  synchronized Request await(Predicate<Request> wanted, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Request> found = requests.stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = until - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no such webhook request in "
                + timeout
                + "; got: "
                + requests.stream().map(r -> r.type() + "/" + r.answered()).toList());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The first accepted (2xx) request of the event type. */
  Request awaitType(String type, Duration timeout) {
    return await(r -> type.equals(r.type()) && r.answered() >= 200 && r.answered() < 300, timeout);
  }

  @Override
  public void close() {
    stop();
  }
}
