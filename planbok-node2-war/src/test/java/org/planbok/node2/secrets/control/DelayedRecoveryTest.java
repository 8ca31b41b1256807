package org.planbok.node2.secrets.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.RecoveryNotReady;
import org.planbok.node2.secrets.control.CheckOutcome.RecoveryStarted;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * The emailed kit's waiting period, enforced by Node 2: the right kit opens a recovery, whose
 * pepper is answered only once it matured, never after a PIN holder cancelled it, and never after
 * the kit was replaced or removed or the window closed. Recovery secrets buy only a new PIN.
 */
class DelayedRecoveryTest {
  private static final String ME = "customer:1";
  private final TestDatabase db = TestDatabase.h2();
  private final Node2Beans beans = new Node2Beans(db).prepared();
  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final byte[] kit = "R_mail: 32 random bytes, emailed".getBytes(UTF_8);
  private final byte[] wrongKit = "R_mail: 32 random bytes, guesse".getBytes(UTF_8);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theRightKitOpensARecoveryWhosePepperComesOnlyAfterTheDelay() {
    byte[] pepper = enrolled();
    assertEquals(new RecoveryNotReady(null), check(kit), "nothing started yet");
    RecoveryStarted started = start(kit);
    assertFalse(started.resumed());
    assertEquals(beans.clock.instant().plus(Node2Beans.RECOVERY_DELAY), started.maturesAt());
    assertEquals(started.maturesAt().plus(Node2Beans.RECOVERY_WINDOW), started.closesAt());
    assertEquals(new RecoveryNotReady(started.maturesAt()), check(kit));
    beans.clock.advance(Node2Beans.RECOVERY_DELAY.minusSeconds(1));
    assertEquals(new RecoveryNotReady(started.maturesAt()), check(kit));
    beans.clock.advance(Duration.ofSeconds(1));
    Accepted accepted = assertInstanceOf(Accepted.class, check(kit, newPin()));
    assertArrayEquals(pepper, accepted.pepper());
    assertEquals(1, accepted.tickets().size());
  }

  @Test
  void startingAgainResumesTheOpenRecoveryWithoutRestartingTheWait() {
    enrolled();
    RecoveryStarted first = start(kit);
    beans.clock.advance(Duration.ofHours(20));
    RecoveryStarted again = start(kit);
    assertTrue(again.resumed());
    assertEquals(first.id(), again.id());
    assertEquals(first.maturesAt(), again.maturesAt());
  }

  @Test
  void aReleasedRecoveryAnswersRetriesUntilTheKitIsReplaced() throws Exception {
    enrolled();
    start(kit);
    beans.clock.advance(Node2Beans.RECOVERY_DELAY);
    assertInstanceOf(Accepted.class, check(kit, newPin()));
    assertInstanceOf(Accepted.class, check(kit, newPin()), "a retry after a crash");
    byte[] fresh = "a fresh kit after the recovery!!".getBytes(UTF_8);
    db.inTransaction(
        () -> beans.oracle.enroll(Subject.of(ME), Purpose.EMAIL, fresh, enrollTicket("email")));
    assertEquals(new RecoveryNotReady(null), check(fresh), "the new kit starts from scratch");
    assertInstanceOf(Rejected.class, check(kit), "the used kit is gone");
  }

  @Test
  void aWrongKitIsCountedAndLocksAtTheStartAndAtTheEnd() {
    enrolled();
    assertEquals(
        new Rejected(4),
        db.get(() -> beans.oracle.startRecovery(Subject.of(ME), Purpose.EMAIL, wrongKit)));
    assertEquals(new Rejected(3), check(wrongKit));
    assertEquals(new Rejected(2), check(wrongKit));
    assertEquals(new Rejected(1), check(wrongKit));
    assertInstanceOf(Locked.class, check(wrongKit));
    assertInstanceOf(
        Locked.class,
        db.get(() -> beans.oracle.startRecovery(Subject.of(ME), Purpose.EMAIL, kit)),
        "even right");
    beans.clock.advance(Duration.ofHours(1));
    start(kit);
  }

  @Test
  void aPinHolderCancelsAndTheRecoveryNeverAnswers() throws Exception {
    enrolled();
    start(kit);
    byte[] cancel = cancelTicket(ME);
    assertEquals(
        1,
        (int)
            db.inTransaction(() -> beans.recoveries.cancel(Subject.of(ME), Purpose.EMAIL, cancel)));
    beans.clock.advance(Node2Beans.RECOVERY_DELAY.plusHours(1));
    assertEquals(new RecoveryNotReady(null), check(kit));
    RecoveryStarted again = start(kit);
    assertEquals(beans.clock.instant().plus(Node2Beans.RECOVERY_DELAY), again.maturesAt());
  }

  @Test
  void rejectsACancelTicketThatIsUsedOrForAnotherSubjectOrOperation() throws Exception {
    enrolled();
    start(kit);
    byte[] theirs = cancelTicket("customer:2");
    byte[] enroll = enrollTicket("email");
    byte[] used = cancelTicket(ME);
    db.inTransaction(() -> beans.recoveries.cancel(Subject.of(ME), Purpose.EMAIL, used));
    start(kit);
    for (byte[] bad : List.of(theirs, enroll, used)) {
      assertThrows(
          TicketRefused.class,
          () ->
              db.inTransaction(() -> beans.recoveries.cancel(Subject.of(ME), Purpose.EMAIL, bad)));
    }
    beans.clock.advance(Node2Beans.RECOVERY_DELAY);
    assertInstanceOf(Accepted.class, check(kit), "nothing was cancelled");
  }

  @Test
  void theWindowCloses() {
    enrolled();
    start(kit);
    beans.clock.advance(Node2Beans.RECOVERY_DELAY.plus(Node2Beans.RECOVERY_WINDOW));
    assertEquals(new RecoveryNotReady(null), check(kit));
  }

  @Test
  void removingTheKitForgetsItAndClosesItsRecoveries() throws Exception {
    enrolled();
    start(kit);
    assertTrue(
        db.inTransaction(
            () -> beans.oracle.remove(Subject.of(ME), Purpose.EMAIL, enrollTicket("email"))));
    beans.clock.advance(Node2Beans.RECOVERY_DELAY);
    assertInstanceOf(NotEnrolled.class, check(kit));
    assertFalse(
        db.inTransaction(
            () -> beans.oracle.remove(Subject.of(ME), Purpose.EMAIL, enrollTicket("email"))));
  }

  @Test
  void removingNeedsAnEnrollTicketForThatPurpose() throws Exception {
    enrolled();
    byte[] forQuestions = enrollTicket("questions");
    EnrollRefused e =
        assertThrows(
            EnrollRefused.class,
            () ->
                db.inTransaction(
                    () -> beans.oracle.remove(Subject.of(ME), Purpose.EMAIL, forQuestions)));
    assertEquals(TicketRefused.Reason.WRONG_KEY, e.ticketReason());
    assertInstanceOf(
        RecoveryStarted.class,
        db.get(() -> beans.oracle.startRecovery(Subject.of(ME), Purpose.EMAIL, kit)));
  }

  @Test
  void recoverySecretsBuyNothingButANewPin() {
    enrolled();
    enroll("questions", pin);
    start(kit);
    beans.clock.advance(Node2Beans.RECOVERY_DELAY);
    for (String purpose : List.of("questions", "email")) {
      byte[] secret = purpose.equals("email") ? kit : pin;
      for (TicketRequest wanted :
          List.of(
              request("k", Operation.SIGN, new byte[32]),
              request("k", Operation.REFRESH, null),
              request("questions", Operation.ENROLL, null),
              request("email", Operation.CANCEL_RECOVERY, null))) {
        assertThrows(
            IllegalArgumentException.class,
            () ->
                db.get(
                    () ->
                        beans.oracle.check(
                            Subject.of(ME),
                            Purpose.parse(purpose).orElseThrow(),
                            secret,
                            List.of(wanted))),
            purpose + " " + wanted);
      }
      assertInstanceOf(Accepted.class, check(purpose, secret, newPin()));
    }
  }

  @Test
  void onlyTheKitIsDelayed() {
    enroll("questions", pin);
    assertThrows(
        IllegalArgumentException.class,
        () -> db.get(() -> beans.oracle.startRecovery(Subject.of(ME), Purpose.QUESTIONS, pin)));
    assertInstanceOf(Accepted.class, check("questions", pin, newPin()), "answered at once");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private byte[] enrolled() {
    enroll("pin", pin);
    return enroll("email", kit);
  }

  private byte[] enroll(String purpose, byte[] secret) {
    try {
      // Only the PIN is enrolled without a ticket; the rest with an ENROLL ticket a PIN check buys.
      byte[] ticket = purpose.equals("pin") ? null : enrollTicket(purpose);
      return db.inTransaction(
          () ->
              beans.oracle.enroll(
                  Subject.of(ME), Purpose.parse(purpose).orElseThrow(), secret, ticket));
    } catch (EnrollRefused e) {
      throw new AssertionError(e);
    }
  }

  private RecoveryStarted start(byte[] secret) {
    return assertInstanceOf(
        RecoveryStarted.class,
        db.get(() -> beans.oracle.startRecovery(Subject.of(ME), Purpose.EMAIL, secret)));
  }

  private CheckOutcome check(byte[] secret, TicketRequest... wanted) {
    return check("email", secret, wanted);
  }

  private CheckOutcome check(String purpose, byte[] secret, TicketRequest... wanted) {
    return db.get(
        () ->
            beans.oracle.check(
                Subject.of(ME), Purpose.parse(purpose).orElseThrow(), secret, List.of(wanted)));
  }

  private static TicketRequest newPin() {
    return request("pin", Operation.ENROLL, null);
  }

  private static TicketRequest request(String keyId, Operation op, byte[] digest) {
    return new TicketRequest(Subject.of(ME), KeyId.of(keyId), op, digest);
  }

  /** What a PIN check mints for a cancellation. */
  private byte[] cancelTicket(String subject) {
    return db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(
                        Subject.of(subject), KeyId.of("email"), Operation.CANCEL_RECOVERY, null),
                    Purpose.PIN))
        .bytes();
  }

  private byte[] enrollTicket(String purpose) {
    return db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(Subject.of(ME), KeyId.of(purpose), Operation.ENROLL, null),
                    Purpose.PIN))
        .bytes();
  }
}
