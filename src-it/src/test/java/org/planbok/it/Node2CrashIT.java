package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Node 2's process killed (SIGKILL) in the middle of a key generation and in the middle of signing:
 * the caller gets a clear 503 within the configured timeouts, no half key is left on either side
 * once both nodes have settled (Node 2 sweeps its uncommitted halves, Node 1 asks Node 2 about its
 * own), and after Node 2 restarts, keys are made and sign again.
 */
@ExtendWith(ArquillianExtension.class)
class Node2CrashIT {
  private static final Duration CLEAR_ERROR_WITHIN = Duration.ofSeconds(10);
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @AfterEach
  void node2IsRunningAgain() {
    Node2Process.start();
  }

  @Test
  void killedInTheMiddleOfAKeyGenerationLeavesNoHalfKey() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Crash Keygen Co"), "147000");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long start = System.nanoTime();
      Future<Api.Reply> keygen = pool.submit(() -> customer.generateKeys("147000", "secp256k1"));
      awaitRunningSession(customer.subject(), "keygen");
      Node2Process.kill();
      Api.Reply reply = keygen.get(60, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      SystemApiIT.assertProblem(reply, 503, "node2-unavailable");
      assertTrue(took.compareTo(CLEAR_ERROR_WITHIN) < 0, "answered in " + took);
    } finally {
      pool.shutdownNow();
    }
    Node2Process.start();
    awaitNoHalfKeys(customer.subject());

    JsonObject key = customer.key("147000", "secp256k1");
    byte[] digest = Node2RefusalsIT.random(32);
    Api.Reply signed =
        customer.signDigest(
            "147000", key.getString("id"), HexFormat.of().formatHex(digest), null, null);
    assertEquals(200, signed.status(), signed.body());
    KeySessionsIT.assertEcdsaVerifies(signed.json(), digest);
    assertEquals(
        List.of(key.getString("id") + ":COMMITTED"), Node2Database.keys(customer.subject()));
  }

  @Test
  void killedWhileSigningEveryCallerGetsASignatureOrAClearError() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Crash Sign Co"), "258000");
    JsonObject key = customer.key("258000", "secp256k1");
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<String>>> signers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      signers.add(
          pool.submit(
              () -> {
                List<String> outcomes = new ArrayList<>();
                while (running.get()) {
                  byte[] digest = Node2RefusalsIT.random(32);
                  long start = System.nanoTime();
                  Api.Reply r =
                      customer.signDigest(
                          "258000",
                          key.getString("id"),
                          HexFormat.of().formatHex(digest),
                          null,
                          null);
                  Duration took = Duration.ofNanos(System.nanoTime() - start);
                  if (r.status() == 200) {
                    KeySessionsIT.assertEcdsaVerifies(r.json(), digest);
                    outcomes.add("signed");
                  } else {
                    SystemApiIT.assertProblem(r, 503, "node2-unavailable");
                    assertTrue(took.compareTo(CLEAR_ERROR_WITHIN) < 0, "answered in " + took);
                    outcomes.add("503");
                  }
                }
                return outcomes;
              }));
    }
    try {
      Thread.sleep(1500);
      Node2Process.kill();
      Thread.sleep(2000);
    } finally {
      running.set(false);
    }
    List<String> all = new ArrayList<>();
    for (Future<List<String>> f : signers) {
      all.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdownNow();
    assertTrue(all.contains("signed"), "signed before the kill: " + all);
    assertTrue(all.contains("503"), "refused clearly after it: " + all);

    Node2Process.start();
    byte[] digest = Node2RefusalsIT.random(32);
    Api.Reply again =
        customer.signDigest(
            "258000", key.getString("id"), HexFormat.of().formatHex(digest), null, null);
    if (again.status() == 409) {
      // The kill fell between one session's suspect mark and its verification (issue 12, item 2):
      // Node 2 cannot tell that crash from a crafted c3 it decrypted, so the key counts as frozen
      // once the mark is older than suspect-after; a refresh authorised by the PIN lifts it.
      SystemApiIT.assertProblem(again, 409, "key-frozen");
      Api.Reply refreshed = customer.refresh("258000", key.getString("id"));
      assertEquals(200, refreshed.status(), refreshed.body());
      assertEquals(false, refreshed.json().getBoolean("frozen"));
      digest = Node2RefusalsIT.random(32);
      again =
          customer.signDigest(
              "258000", key.getString("id"), HexFormat.of().formatHex(digest), null, null);
    }
    assertEquals(200, again.status(), again.body());
    KeySessionsIT.assertEcdsaVerifies(again.json(), digest);
    assertTrue(
        customer
                .tenant()
                .get(customer.path("/keys/" + key.getString("id")))
                .json()
                .getBoolean("frozen")
            == false,
        "once signing works again the key is not frozen");
  }

  /** Polls Node 1's own record until the session is under way, to kill Node 2 mid-session. */
  private static void awaitRunningSession(String subject, String operation) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (Node1Database.count(
              "SELECT count(*) FROM protocol_session WHERE subject = ? AND operation = ?"
                  + " AND state = 'RUNNING'",
              subject,
              operation)
          > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no " + operation + " session started");
  }

  /**
   * Waits until every key of the subject is either committed on both nodes or on neither: Node 2
   * deletes halves older than 5 s (the tests' setting), Node 1 settles its own every 15 s.
   */
  private static void awaitNoHalfKeys(String subject) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    List<String> node1 = List.of();
    List<String> node2 = List.of();
    while (System.currentTimeMillis() < deadline) {
      node1 =
          Node1Database.keys(subject).stream()
              .map(k -> k.replace(":ACTIVE", ":COMMITTED"))
              .toList();
      node2 = Node2Database.keys(subject);
      boolean settled =
          node1.stream().noneMatch(k -> k.endsWith(":PENDING"))
              && node2.stream().noneMatch(k -> k.endsWith(":PENDING"));
      if (settled && node1.equals(node2)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("half keys remain: Node 1 " + node1 + ", Node 2 " + node2);
  }
}
