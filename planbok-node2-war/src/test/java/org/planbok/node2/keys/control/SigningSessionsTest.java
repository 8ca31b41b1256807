package org.planbok.node2.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.control.SigningSessions.Admission;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;

/** {@link SigningSessions} on its own: the cap, reuse, the re-read freeze and stale marks. */
class SigningSessionsTest {
  private static final Subject CUSTOMER = Subject.of("customer:1");

  private TestDatabase db = TestDatabase.h2();
  private Node2Beans beans = beans(db);

  private static Node2Beans beans(TestDatabase db) {
    return new Node2Beans(db, MasterKeys.of(Node2Beans.randomKey(), null), Map.of()).prepared();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private KeyId committedKey() {
    KeyId id = KeyId.random();
    db.run(
        () -> {
          beans.keyShares.stage(id, CUSTOMER, Curve.SECP256K1, new byte[] {1}, "02ab", "keygen");
          beans.keyShares.finalizeStaged(id, "keygen", true);
        });
    return id;
  }

  private static String sid() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private Admission open(KeyId key, String sid) {
    return db.get(() -> beans.signingSessions.open(key, sid));
  }

  private Admission beforeDecrypt(KeyId key, String sid) {
    return db.get(() -> beans.signingSessions.beforeDecrypt(key, sid));
  }

  /** The count and the insert happen under the key's row lock: a burst cannot pass the cap. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twentyConcurrentOpensOnOneKeyAdmitExactlyTheCap(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = beans(db);
    KeyId key = committedKey();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Admission> admissions = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Admission>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return open(key, sid());
                }));
      }
      start.countDown();
      for (Future<Admission> f : futures) {
        admissions.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(
        Node2Beans.MAX_CONCURRENT_SIGNING,
        admissions.stream().filter(a -> a == Admission.ADMITTED).count(),
        admissions.toString());
    assertEquals(
        20 - Node2Beans.MAX_CONCURRENT_SIGNING,
        admissions.stream().filter(a -> a == Admission.BUSY).count());
  }

  @Test
  void aFreezeWrittenAfterOpeningStopsTheDecryption() {
    KeyId key = committedKey();
    String sid = sid();
    assertEquals(Admission.ADMITTED, open(key, sid));
    db.run(() -> beans.keyShares.freeze(key, "another session's signature failed", "other"));
    assertEquals(Admission.FROZEN, beforeDecrypt(key, sid));
  }

  @Test
  void aSessionDecryptsOnceAndOnlyWithinItsAge() {
    KeyId key = committedKey();
    String once = sid();
    open(key, once);
    assertEquals(Admission.ADMITTED, beforeDecrypt(key, once));
    assertEquals(Admission.EXPIRED, beforeDecrypt(key, once));
    String late = sid();
    open(key, late);
    beans.clock.advance(Node2Beans.SIGNING_SESSION_MAX_AGE);
    db.run(() -> beans.signingSessions.verified(once));
    assertEquals(Admission.EXPIRED, beforeDecrypt(key, late));
  }

  @Test
  void aStaleMarkFreezesTheKeyOnceAndARefreshOrUnfreezeLiftsItForGood() {
    KeyId key = committedKey();
    String crashed = sid();
    open(key, crashed);
    beforeDecrypt(key, crashed);
    beans.clock.advance(Node2Beans.SUSPECT_AFTER.minusSeconds(1));
    assertEquals(Admission.ADMITTED, open(key, sid()), "a fresh mark may be a running decryption");
    beans.clock.advance(Duration.ofSeconds(2));
    assertEquals(1, (int) db.get(() -> beans.signingSessions.freezeStale()));
    assertTrue(db.get(() -> beans.keyShares.isFrozen(key)));
    assertEquals(Admission.FROZEN, open(key, sid()));

    db.run(() -> beans.keyShares.unfreeze(key, "operator"));
    assertFalse(db.get(() -> beans.keyShares.isFrozen(key)));
    assertEquals(Admission.ADMITTED, open(key, sid()), "the mark became the freeze, and went");
    assertEquals(0, (int) db.get(() -> beans.signingSessions.freezeStale()));
  }

  @Test
  void aUsedSessionIdIsRefusedOnAnyKey() {
    KeyId key = committedKey();
    KeyId other = committedKey();
    String sid = sid();
    assertEquals(Admission.ADMITTED, open(key, sid));
    db.run(() -> beans.signingSessions.ended(sid));
    assertEquals(Admission.REUSED_SESSION, open(key, sid));
    assertEquals(Admission.REUSED_SESSION, open(other, sid));

    beans.clock.advance(Duration.ofDays(31));
    assertEquals(
        1, (int) db.get(() -> beans.signingSessions.deleteEndedOlderThan(Duration.ofDays(30))));
  }
}
