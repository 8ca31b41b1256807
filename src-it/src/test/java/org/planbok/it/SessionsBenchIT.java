package org.planbok.it;

import static org.planbok.it.Node1Protocols.RANDOM;
import static org.planbok.it.Node1Protocols.wanted;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP1;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP1;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Operation;

/**
 * Node 1 ⇄ Node 2 protocol sessions between the two real servers, as Node 1 runs them over gRPC
 * with mutual TLS, against the same protocol run in one process: the difference is what the wire
 * and Node 2's bookkeeping (ticket, audit, store) cost. Run with {@code mvn verify -Pbench};
 * results go to {@code src-it/target/bench/results.md} and, by hand, to BENCHMARKS.md.
 */
@Tag("bench")
class SessionsBenchIT {
  /** The servers start cold: their JIT needs a few hundred signatures before figures settle. */
  private static final int WARMUP = 300;

  private static final int SIGNATURES = 200;
  private static Node1Link node2;
  private static String subject;
  private static byte[] secret;
  private static String keyId;
  private static EcdsaP2KeyShare share;

  @BeforeAll
  static void key() {
    node2 = Node1Link.open();
    subject = "customer:" + UUID.randomUUID();
    secret = Node2RefusalsIT.random(32);
    node2.enroll(subject, secret, null);
    keyId = UUID.randomUUID().toString();
    share = Node1Protocols.ecdsaKeyGen(node2, subject, secret, keyId);
    Latencies.report(
        "",
        "### Node 1 ⇄ Node 2 sessions over gRPC (" + java.time.LocalDate.now() + ")",
        "",
        Latencies.header());
  }

  @AfterAll
  static void close() {
    node2.close();
  }

  @Test
  void keyGenerationAndSigningLatency() {
    Latencies keygen = new Latencies();
    for (int i = 0; i < 12; i++) {
      String id = UUID.randomUUID().toString();
      long start = System.nanoTime();
      Node1Protocols.ecdsaKeyGen(node2, subject, secret, id);
      if (i >= 2) {
        keygen.add(System.nanoTime() - start);
      }
    }
    Latencies seedKeygen = new Latencies();
    for (int i = 0; i < 12; i++) {
      String id = UUID.randomUUID().toString();
      long start = System.nanoTime();
      Node1Protocols.seedKeyGen(node2, subject, secret, id);
      if (i >= 2) {
        seedKeygen.add(System.nanoTime() - start);
      }
    }
    Latencies check = new Latencies();
    Latencies session = new Latencies();
    for (int i = 0; i < WARMUP + SIGNATURES; i++) {
      byte[] digest = Node2RefusalsIT.random(32);
      long start = System.nanoTime();
      byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.SIGN, digest));
      long checked = System.nanoTime();
      Node1Protocols.sign(node2, subject, keyId, share, digest, ticket, false);
      long signed = System.nanoTime();
      if (i >= WARMUP) {
        check.add(checked - start);
        session.add(signed - checked);
      }
    }
    Latencies.report(
        keygen.row("ECDSA keygen session incl. KEYGEN ticket check and finalize"),
        seedKeygen.row(
            "ed25519 keygen from a joint seed (dual execution, 3.8 MB), incl. ticket check and"
                + " finalize"),
        check.row("secret check minting one SIGN ticket"),
        session.row("ECDSA sign session (4 messages, Node 2 verifies)"),
        inProcess().row("ECDSA sign, both parties in one process (no network, no store)"));
  }

  @Test
  void signingThroughputWith1And4And16ConcurrentSessions() throws Exception {
    Latencies.report(
        "",
        "| concurrent sessions (one key each) | signatures/s | p50 ms | p99 ms |",
        "| --- | --- | --- | --- |");
    // Each worker signs with its own key: Node 2 admits only a few signing sessions on one key at
    // once (planbok.node2.keys.max-concurrent-signing, default 4), as one customer rarely needs
    // more.
    List<String> keys = new ArrayList<>();
    List<EcdsaP2KeyShare> shares = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      String id = UUID.randomUUID().toString();
      keys.add(id);
      shares.add(Node1Protocols.ecdsaKeyGen(node2, subject, secret, id));
    }
    for (int threads : new int[] {1, 4, 16}) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Latencies latencies = new Latencies();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String key = keys.get(t);
        EcdsaP2KeyShare keyShare = shares.get(t);
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    byte[] digest = Node2RefusalsIT.random(32);
                    long s = System.nanoTime();
                    byte[] ticket =
                        node2.ticket(subject, secret, wanted(key, Operation.SIGN, digest));
                    Node1Protocols.sign(node2, subject, key, keyShare, digest, ticket, false);
                    latencies.add(System.nanoTime() - s);
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      Latencies.report(
          String.format(
              java.util.Locale.ROOT,
              "| %d | %.1f | %.1f | %.1f |",
              threads,
              latencies.count() / seconds,
              latencies.percentileMillis(50),
              latencies.percentileMillis(99)));
    }
  }

  /** The same signing protocol with P1 and P2 in this process: the floor the wire adds to. */
  private static Latencies inProcess() {
    PaillierKeyPool pool = PaillierKeyPool.start(1, RANDOM);
    try {
      SessionId sid = SessionId.random(RANDOM);
      byte[] aux = "bench".getBytes(StandardCharsets.UTF_8);
      EcdsaKeyGenP1 p1 = new EcdsaKeyGenP1(sid, aux, pool.take(), RANDOM);
      EcdsaKeyGenP2 p2 = new EcdsaKeyGenP2(sid, aux, RANDOM);
      InMemoryNetwork.run(p1, p2);
      EcdsaP2KeyShare b = p2.outcome();
      EcdsaP1KeyShare a = p1.outcome();
      Latencies out = new Latencies();
      for (int i = 0; i < WARMUP + SIGNATURES; i++) {
        byte[] digest = Node2RefusalsIT.random(32);
        SessionId s = SessionId.random(RANDOM);
        SignRequest request = new SignRequest(aux, digest, BigInteger.ZERO);
        long start = System.nanoTime();
        EcdsaSignP1 q1 = new EcdsaSignP1(a, s, request, RANDOM);
        EcdsaSignP2 q2 = new EcdsaSignP2(b, s, request, RANDOM);
        InMemoryNetwork.run(q1, q2);
        q2.outcome();
        if (i >= WARMUP) {
          out.add(System.nanoTime() - start);
        }
      }
      return out;
    } finally {
      pool.close();
    }
  }
}
