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
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRequest;

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

  /** Only the PIN is enrolled without a ticket; the rest with an ENROLL ticket a PIN check buys. */
  private void enroll(String subject, String purpose, byte[] secret) {
    byte[] ticket =
        purpose.equals("pin")
            ? null
            : db.get(
                    () ->
                        beans.tickets.mint(
                            new TicketRequest(
                                Subject.of(subject), KeyId.of(purpose), Operation.ENROLL, null),
                            Purpose.PIN))
                .bytes();
    try {
      db.inTransaction(
          () ->
              beans.oracle.enroll(
                  Subject.of(subject), Purpose.parse(purpose).orElseThrow(), secret, ticket));
    } catch (EnrollRefused e) {
      throw new AssertionError(e);
    }
  }

  private CheckOutcome check(String subject, String purpose, byte[] secret) {
    return db.get(
        () ->
            beans.oracle.check(Subject.of(subject), Purpose.parse(purpose).orElseThrow(), secret));
  }

  private byte[] pepper(String subject, String purpose, byte[] secret) {
    return assertInstanceOf(Accepted.class, check(subject, purpose, secret)).pepper();
  }

  @Test
  void theRightSecretGivesTheSamePepperEveryTime() {
    enroll("customer:1", "pin", pin);
    byte[] first = pepper("customer:1", "pin", pin);
    assertEquals(32, first.length);
    assertArrayEquals(first, pepper("customer:1", "pin", pin));
    assertArrayEquals(first, pepper("customer:1", "pin", pin));
  }

  @Test
  void anotherSubjectOrPurposeGetsAnotherPepper() {
    enroll("customer:1", "pin", pin);
    enroll("customer:2", "pin", pin);
    enroll("customer:1", "questions", pin);
    byte[] a = pepper("customer:1", "pin", pin);
    assertFalse(Arrays.equals(a, pepper("customer:2", "pin", pin)));
    assertFalse(Arrays.equals(a, pepper("customer:1", "questions", pin)));
  }

  @Test
  void aWrongSecretIsCountedWithAttemptsLeft() {
    enroll("customer:1", "pin", pin);
    assertEquals(new Rejected(4), check("customer:1", "pin", wrong));
    assertEquals(new Rejected(3), check("customer:1", "pin", wrong));
  }

  @Test
  void locksOutAfterTheConfiguredNumberAndRefusesEvenTheRightSecret() {
    enroll("customer:1", "pin", pin);
    for (int left = 4; left >= 1; left--) {
      assertEquals(new Rejected(left), check("customer:1", "pin", wrong));
    }
    Instant until = beans.clock.instant().plus(Duration.ofMinutes(1));
    assertEquals(new Locked(until), check("customer:1", "pin", wrong));
    assertEquals(new Locked(until), check("customer:1", "pin", pin));
  }

  @Test
  void questionsLockAfterThree() {
    enroll("customer:1", "questions", pin);
    assertEquals(new Rejected(2), check("customer:1", "questions", wrong));
    assertEquals(new Rejected(1), check("customer:1", "questions", wrong));
    assertInstanceOf(Locked.class, check("customer:1", "questions", wrong));
  }

  @Test
  void unlocksAfterTheBackOffWhichDoublesWithEachLockout() {
    enroll("customer:1", "pin", pin);
    for (int i = 0; i < 5; i++) {
      check("customer:1", "pin", wrong);
    }
    beans.clock.advance(Duration.ofSeconds(59));
    assertInstanceOf(Locked.class, check("customer:1", "pin", pin));
    beans.clock.advance(Duration.ofSeconds(1));
    // unlocked: a fresh set of attempts, and the second lockout lasts twice as long
    for (int left = 4; left >= 1; left--) {
      assertEquals(new Rejected(left), check("customer:1", "pin", wrong));
    }
    Instant now = beans.clock.instant();
    assertEquals(new Locked(now.plus(Duration.ofMinutes(2))), check("customer:1", "pin", wrong));
    beans.clock.advance(Duration.ofMinutes(2));
    for (int i = 0; i < 5; i++) {
      check("customer:1", "pin", wrong);
    }
    assertEquals(
        new Locked(beans.clock.instant().plus(Duration.ofMinutes(4))),
        check("customer:1", "pin", pin));
    beans.clock.advance(Duration.ofMinutes(4));
    assertInstanceOf(Accepted.class, check("customer:1", "pin", pin));
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
    enroll("customer:1", "pin", pin);
    for (int i = 0; i < 4; i++) {
      check("customer:1", "pin", wrong);
    }
    assertInstanceOf(Accepted.class, check("customer:1", "pin", pin));
    assertEquals(new Rejected(4), check("customer:1", "pin", wrong));
  }

  private Locked lockOut(byte[] secret) {
    for (int i = 0; i < 4; i++) {
      assertInstanceOf(Rejected.class, check("customer:1", "pin", secret));
    }
    return assertInstanceOf(Locked.class, check("customer:1", "pin", secret));
  }

  @Test
  void oneCorrectPinDoesNotResetTheBackOff() {
    enroll("customer:1", "pin", pin);
    Locked first = lockOut(wrong);
    assertEquals(beans.clock.instant().plus(Duration.ofMinutes(1)), first.until());
    beans.clock.advance(Duration.ofMinutes(1));
    // The attacker who also knows (or waits for) one right PIN gains nothing by slipping it in.
    assertInstanceOf(Accepted.class, check("customer:1", "pin", pin));
    Locked second = lockOut(wrong);
    assertEquals(beans.clock.instant().plus(Duration.ofMinutes(2)), second.until());
  }

  @Test
  void theLockoutLevelDecaysByOnePerDecayPeriodAfterTheLastLockoutEnded() {
    enroll("customer:1", "pin", pin);
    lockOut(wrong);
    beans.clock.advance(Duration.ofMinutes(1));
    lockOut(wrong); // level 2, two minutes
    beans.clock.advance(Duration.ofMinutes(2));
    beans.clock.advance(Duration.ofDays(1).minusSeconds(1));
    assertInstanceOf(Accepted.class, check("customer:1", "pin", pin));
    assertEquals(
        beans.clock.instant().plus(Duration.ofMinutes(4)),
        lockOut(wrong).until(),
        "a day less a second: still level 2, so the third lockout is level 3");
    beans.clock.advance(Duration.ofMinutes(4).plus(Duration.ofDays(1)));
    assertEquals(
        beans.clock.instant().plus(Duration.ofMinutes(4)),
        lockOut(wrong).until(),
        "one day after it ended: level 3 fell to 2, and this lockout is level 3 again");
    beans.clock.advance(Duration.ofMinutes(4).plus(Duration.ofDays(3)));
    assertEquals(
        beans.clock.instant().plus(Duration.ofMinutes(1)),
        lockOut(wrong).until(),
        "three days after: level 0, so a first lockout again");
  }

  @Test
  void securityQuestionsDecayOverAWeekByDefault() {
    assertEquals(Duration.ofDays(7), LockoutPolicies.DEFAULTS.get("questions").decay());
    assertEquals(Duration.ofDays(1), LockoutPolicies.DEFAULTS.get("pin").decay());
    assertThrows(
        IllegalArgumentException.class,
        () -> new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofDays(1), Duration.ZERO));
  }

  @Test
  void anUnknownSubjectIsNotEnrolled() {
    assertEquals(new NotEnrolled(), check("customer:nobody", "pin", pin));
  }

  @Test
  void rejectsBadInputWithoutCountingIt() {
    enroll("customer:1", "pin", pin);
    assertThrows(IllegalArgumentException.class, () -> check("customer:1", "pin", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> check("", "pin", pin));
    assertEquals(new Rejected(4), check("customer:1", "pin", wrong));
  }

  @Test
  void mintsTheTicketsAskedForOnlyOnSuccessInTheirOrder() throws Exception {
    enroll("customer:1", "pin", pin);
    List<TicketRequest> wanted =
        List.of(
            new TicketRequest(
                Subject.of("customer:1"), KeyId.random(), Operation.SIGN, new byte[32]),
            new TicketRequest(Subject.of("customer:1"), KeyId.random(), Operation.KEYGEN, null),
            new TicketRequest(Subject.of("customer:1"), KeyId.of("pin"), Operation.ENROLL, null));
    Accepted accepted =
        assertInstanceOf(
            Accepted.class,
            db.get(() -> beans.oracle.check(Subject.of("customer:1"), Purpose.PIN, pin, wanted)));
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
        Rejected.class,
        db.get(() -> beans.oracle.check(Subject.of("customer:1"), Purpose.PIN, wrong, wanted)));
    Accepted none = (Accepted) check("customer:1", "pin", pin);
    assertTrue(none.tickets().isEmpty(), "none asked for");
    assertNull(none.ticketsExpireAt());
  }

  @Test
  void rejectsMoreThanEightTicketsOrOneForAnotherSubjectWithoutCountingIt() {
    enroll("customer:1", "pin", pin);
    List<TicketRequest> nine =
        java.util.Collections.nCopies(
            9,
            new TicketRequest(Subject.of("customer:1"), KeyId.random(), Operation.REFRESH, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> db.get(() -> beans.oracle.check(Subject.of("customer:1"), Purpose.PIN, wrong, nine)));
    List<TicketRequest> theirs =
        List.of(
            new TicketRequest(Subject.of("customer:2"), KeyId.random(), Operation.REFRESH, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            db.get(() -> beans.oracle.check(Subject.of("customer:1"), Purpose.PIN, wrong, theirs)));
    assertEquals(new Rejected(4), check("customer:1", "pin", wrong));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twentyConcurrentWrongAttemptsNeverEvaluateMoreThanTheLimit(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = beans(db);
    enroll("customer:1", "pin", pin);
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
                  return check("customer:1", "pin", wrong);
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
