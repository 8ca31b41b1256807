package org.planbok.node2.secrets.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.SecretOracle.Unlock;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;

/**
 * An administrator lifts a PIN lockout early, but at most once a day, and the next lockout lasts
 * twice as long: a compromised Node 1 that unlocks whenever it can still gets only a few guesses.
 */
class UnlockTest {
  private final TestDatabase db = TestDatabase.h2();
  private final Node2Beans beans =
      new Node2Beans(
              db,
              MasterKeys.of(Node2Beans.randomKey(), null),
              Map.of("pin", new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofDays(1))))
          .prepared();
  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final byte[] wrong = "argon2id(1234, salt) of 32 byte!".getBytes(UTF_8);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void unlocksOnceADayAndTheNextLockoutIsLonger() throws Exception {
    db.inTransaction(() -> beans.oracle.enroll(Subject.of("customer:1"), Purpose.PIN, pin, null));
    assertEquals(Unlock.Outcome.NOT_LOCKED, unlock().outcome());
    lockOut();
    Unlock first = unlock();
    assertEquals(Unlock.Outcome.UNLOCKED, first.outcome());
    assertEquals(beans.clock.instant().plus(Duration.ofDays(1)), first.nextUnlockAt());

    // An attacker who unlocks and guesses on: the lockouts were kept, the next lasts twice as long.
    Instant secondLock = lockOut();
    assertEquals(
        beans.clock.instant().plus(Duration.ofMinutes(2)), secondLock, "the count was kept");
    Unlock again = unlock();
    assertEquals(Unlock.Outcome.TOO_SOON, again.outcome());
    assertEquals(first.nextUnlockAt(), again.nextUnlockAt());
    assertInstanceOf(Locked.class, check(pin), "still locked");

    beans.clock.advance(Duration.ofDays(1));
    lockOut();
    assertEquals(Unlock.Outcome.UNLOCKED, unlock().outcome(), "a day later it may again");
  }

  @Test
  void afterAnUnlockTheRightPinWorksAtOnce() throws Exception {
    db.inTransaction(() -> beans.oracle.enroll(Subject.of("customer:1"), Purpose.PIN, pin, null));
    lockOut();
    assertEquals(Unlock.Outcome.UNLOCKED, unlock().outcome());
    assertInstanceOf(Accepted.class, check(pin));
  }

  @Test
  void anUnknownSecretIsNotEnrolled() {
    assertEquals(Unlock.Outcome.NOT_ENROLLED, unlock().outcome());
  }

  private Instant lockOut() {
    CheckOutcome outcome = null;
    for (int i = 0; i < 5; i++) {
      outcome = check(wrong);
    }
    return assertInstanceOf(Locked.class, outcome).until();
  }

  private CheckOutcome check(byte[] secret) {
    return db.get(() -> beans.oracle.check(Subject.of("customer:1"), Purpose.PIN, secret));
  }

  private Unlock unlock() {
    return db.get(
        () -> beans.oracle.unlock(Subject.of("customer:1"), Purpose.PIN, "admin@acme.example"));
  }
}
