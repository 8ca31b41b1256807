package org.planbok.node2.secrets.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.entity.Operation;

class SecretOracleTest {
  private static final Map<String, LockoutPolicy> POLICIES =
      Map.of(
          "pin", new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10)),
          "questions", new LockoutPolicy(3, Duration.ofHours(24), Duration.ofDays(30)));

  private TestDatabase db = TestDatabase.h2();
  private Node2Beans beans = beans(db);
  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final byte[] wrong = "argon2id(1234, salt) of 32 byte!".getBytes(UTF_8);

  private static Node2Beans beans(TestDatabase db) {
    return new Node2Beans(db, MasterKeys.of(Node2Beans.randomKey(), null), POLICIES).prepared();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void enroll(String subject, String purpose, byte[] secret) {
    try {
      db.inTransaction(() -> beans.oracle.enroll(subject, purpose, secret, null));
    } catch (EnrollRefused e) {
      throw new AssertionError(e);
    }
  }

  private CheckOutcome check(String subject, String purpose, byte[] secret) {
    return db.get(() -> beans.oracle.check(subject, purpose, secret));
  }

  private byte[] pepper(String subject, String purpose, byte[] secret) {
    return assertInstanceOf(Accepted.class, check(subject, purpose, secret)).pepper();
  }

  @Test
  void theRightSecretGivesTheSamePepperEveryTime() {
    enroll("customer-1", "pin", pin);
    byte[] first = pepper("customer-1", "pin", pin);
    assertEquals(32, first.length);
    assertArrayEquals(first, pepper("customer-1", "pin", pin));
    assertArrayEquals(first, pepper("customer-1", "pin", pin));
  }

  @Test
  void anotherSubjectOrPurposeGetsAnotherPepper() {
    enroll("customer-1", "pin", pin);
    enroll("customer-2", "pin", pin);
    enroll("customer-1", "questions", pin);
    byte[] a = pepper("customer-1", "pin", pin);
    assertFalse(Arrays.equals(a, pepper("customer-2", "pin", pin)));
    assertFalse(Arrays.equals(a, pepper("customer-1", "questions", pin)));
  }

  @Test
  void aWrongSecretIsCountedWithAttemptsLeft() {
    enroll("customer-1", "pin", pin);
    assertEquals(new Rejected(4), check("customer-1", "pin", wrong));
    assertEquals(new Rejected(3), check("customer-1", "pin", wrong));
  }

  @Test
  void locksOutAfterTheConfiguredNumberAndRefusesEvenTheRightSecret() {
    enroll("customer-1", "pin", pin);
    for (int left = 4; left >= 1; left--) {
      assertEquals(new Rejected(left), check("customer-1", "pin", wrong));
    }
    Instant until = beans.clock.instant().plus(Duration.ofMinutes(1));
    assertEquals(new Locked(until), check("customer-1", "pin", wrong));
    assertEquals(new Locked(until), check("customer-1", "pin", pin));
  }

  @Test
  void questionsLockAfterThree() {
    enroll("customer-1", "questions", pin);
    assertEquals(new Rejected(2), check("customer-1", "questions", wrong));
    assertEquals(new Rejected(1), check("customer-1", "questions", wrong));
    assertInstanceOf(Locked.class, check("customer-1", "questions", wrong));
  }

  @Test
  void unlocksAfterTheBackOffWhichDoublesWithEachLockout() {
    enroll("customer-1", "pin", pin);
    for (int i = 0; i < 5; i++) {
      check("customer-1", "pin", wrong);
    }
    beans.clock.advance(Duration.ofSeconds(59));
    assertInstanceOf(Locked.class, check("customer-1", "pin", pin));
    beans.clock.advance(Duration.ofSeconds(1));
    // unlocked: a fresh set of attempts, and the second lockout lasts twice as long
    for (int left = 4; left >= 1; left--) {
      assertEquals(new Rejected(left), check("customer-1", "pin", wrong));
    }
    Instant now = beans.clock.instant();
    assertEquals(new Locked(now.plus(Duration.ofMinutes(2))), check("customer-1", "pin", wrong));
    beans.clock.advance(Duration.ofMinutes(2));
    for (int i = 0; i < 5; i++) {
      check("customer-1", "pin", wrong);
    }
    assertEquals(
        new Locked(beans.clock.instant().plus(Duration.ofMinutes(4))),
        check("customer-1", "pin", pin));
    beans.clock.advance(Duration.ofMinutes(4));
    assertInstanceOf(Accepted.class, check("customer-1", "pin", pin));
  }

  @Test
  void theBackOffStopsAtItsMaximum() {
    LockoutPolicy p = POLICIES.get("pin");
    Instant now = Instant.EPOCH;
    assertEquals(now.plus(Duration.ofMinutes(8)), p.lockedUntil(now, 4));
    assertEquals(now.plus(Duration.ofMinutes(10)), p.lockedUntil(now, 5));
    assertEquals(now.plus(Duration.ofMinutes(10)), p.lockedUntil(now, 500));
  }

  @Test
  void successResetsTheCounter() {
    enroll("customer-1", "pin", pin);
    for (int i = 0; i < 4; i++) {
      check("customer-1", "pin", wrong);
    }
    assertInstanceOf(Accepted.class, check("customer-1", "pin", pin));
    assertEquals(new Rejected(4), check("customer-1", "pin", wrong));
  }

  @Test
  void anUnknownSubjectIsNotEnrolled() {
    assertEquals(new NotEnrolled(), check("nobody", "pin", pin));
  }

  @Test
  void rejectsBadInputWithoutCountingIt() {
    enroll("customer-1", "pin", pin);
    assertThrows(IllegalArgumentException.class, () -> check("customer-1", "password", pin));
    assertThrows(IllegalArgumentException.class, () -> check("customer-1", "pin", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> check("", "pin", pin));
    assertEquals(new Rejected(4), check("customer-1", "pin", wrong));
  }

  @Test
  void mintsTheTicketsAskedForOnlyOnSuccessInTheirOrder() throws Exception {
    enroll("customer-1", "pin", pin);
    List<TicketRequest> wanted =
        List.of(
            new TicketRequest("customer-1", KeyId.random(), Operation.SIGN, new byte[32]),
            new TicketRequest("customer-1", KeyId.random(), Operation.KEYGEN, null),
            new TicketRequest("customer-1", KeyId.of("pin"), Operation.ENROLL, null));
    Accepted accepted =
        assertInstanceOf(
            Accepted.class, db.get(() -> beans.oracle.check("customer-1", "pin", pin, wanted)));
    assertEquals(3, accepted.tickets().size());
    assertEquals(beans.clock.instant().plusSeconds(60), accepted.ticketsExpireAt());
    assertFalse(accepted.toString().contains(Arrays.toString(accepted.pepper())));
    for (int i = 0; i < wanted.size(); i++) {
      TicketRequest w = wanted.get(i);
      byte[] ticket = accepted.tickets().get(i).bytes();
      db.inTransaction(
          () -> {
            beans.tickets.redeem(ticket, w.subject(), w.keyId(), w.operation(), w.digest());
            return null;
          });
    }
    assertInstanceOf(
        Rejected.class, db.get(() -> beans.oracle.check("customer-1", "pin", wrong, wanted)));
    Accepted none = (Accepted) check("customer-1", "pin", pin);
    assertTrue(none.tickets().isEmpty(), "none asked for");
    assertNull(none.ticketsExpireAt());
  }

  @Test
  void rejectsMoreThanEightTicketsOrOneForAnotherSubjectWithoutCountingIt() {
    enroll("customer-1", "pin", pin);
    List<TicketRequest> nine =
        java.util.Collections.nCopies(
            9, new TicketRequest("customer-1", KeyId.random(), Operation.REFRESH, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> db.get(() -> beans.oracle.check("customer-1", "pin", wrong, nine)));
    List<TicketRequest> theirs =
        List.of(new TicketRequest("customer-2", KeyId.random(), Operation.REFRESH, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> db.get(() -> beans.oracle.check("customer-1", "pin", wrong, theirs)));
    assertEquals(new Rejected(4), check("customer-1", "pin", wrong));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twentyConcurrentWrongAttemptsNeverEvaluateMoreThanTheLimit(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = beans(db);
    enroll("customer-1", "pin", pin);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<CheckOutcome> outcomes = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CheckOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return check("customer-1", "pin", wrong);
                }));
      }
      start.countDown();
      for (Future<CheckOutcome> f : futures) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(4, outcomes.stream().filter(Rejected.class::isInstance).count());
    assertEquals(16, outcomes.stream().filter(Locked.class::isInstance).count());
    List<String> evaluated =
        db.get(
            () ->
                db.entityManager()
                    .createQuery(
                        "SELECT a.outcome FROM AuditRecord a WHERE a.operation = 'secret.check'"
                            + " AND a.outcome IN ('REJECTED', 'REJECTED_LOCKED', 'ACCEPTED')",
                        String.class)
                    .getResultList());
    assertEquals(5, evaluated.size(), "wrong secrets evaluated: " + evaluated);
    assertTrue(db.get(() -> beans.audit.verify()).ok());
  }
}
