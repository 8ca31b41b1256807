package org.planbok.it;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's load driver: customers with PINs and keys made through HTTP, then raw signatures by 1,
 * 4 and 16 concurrent clients, each client its own customer (one customer's secret is used one
 * request at a time). Everything a real request costs is in: API key, idempotency record, Node 2's
 * secret check and ticket, the two-party session, Node 1's verification. Run with {@code mvn verify
 * -Pbench}.
 */
@Tag("bench")
@ExtendWith(ArquillianExtension.class)
class ApiLoadBenchIT {
  private static final String PIN = "424242";
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  private void awaitReadiness() throws InterruptedException {
    for (int i = 0; i < 60 && api.get("/health/ready").status() != 200; i++) {
      Thread.sleep(1000);
    }
  }

  @Test
  void signaturesThroughTheApi() throws Exception {
    awaitReadiness();
    Tenant tenant = Tenant.create(api, "Load Co");
    Latencies keygen = new Latencies();
    List<PinFlow> customers = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      PinFlow customer = PinFlow.withPin(tenant, PIN);
      long start = System.nanoTime();
      JsonObject key = customer.key(PIN, "secp256k1");
      keygen.add(System.nanoTime() - start);
      customers.add(customer);
      keys.add(key.getString("id"));
    }
    Latencies.report(
        "",
        "### The API under load (" + java.time.LocalDate.now() + ")",
        "",
        Latencies.header(),
        keygen.row("POST …/keys (secp256k1 key generation through the API)"));
    Latencies.report(
        "",
        "| concurrent clients | signatures/s | p50 ms | p99 ms | errors |",
        "| --- | --- | --- | --- | --- |");
    // The first run of each level warms the servers' JIT up (a cold Node 1 signs three times
    // slower); only the second is reported.
    java.util.Set<Integer> warm = new java.util.HashSet<>();
    for (int clients : new int[] {1, 1, 4, 4, 16, 16}) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      Latencies latencies = new Latencies();
      AtomicInteger errors = new AtomicInteger();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        PinFlow customer = customers.get(c);
        String keyId = keys.get(c);
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    String digest = HexFormat.of().formatHex(Node2RefusalsIT.random(32));
                    long s = System.nanoTime();
                    Api.Reply r = customer.signDigest(PIN, keyId, digest, null, null);
                    if (r.status() == 200) {
                      latencies.add(System.nanoTime() - s);
                    } else {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      if (warm.add(clients)) {
        continue;
      }
      Latencies.report(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.1f | %d |",
              clients,
              latencies.count() / seconds,
              latencies.percentileMillis(50),
              latencies.percentileMillis(99),
              errors.get()));
    }
  }
}
