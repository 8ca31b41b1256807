package org.planbok.node2.secrets.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * Enrollment: the first secret of a purpose needs no ticket, a replacement needs an ENROLL ticket
 * for exactly that subject and purpose, and a refusal changes nothing.
 */
class SecretEnrollmentTest {
  private TestDatabase db = TestDatabase.h2();
  private Node2Beans beans = new Node2Beans(db).prepared();
  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final byte[] newPin = "argon2id(new PIN, salt), 32 byte".getBytes(UTF_8);

  @AfterEach
  void close() {
    db.close();
  }

  private byte[] enroll(String subject, String purpose, byte[] secret, byte[] ticket)
      throws EnrollRefused {
    return db.inTransaction(
        () ->
            beans.oracle.enroll(
                Subject.of(subject), Purpose.parse(purpose).orElseThrow(), secret, ticket));
  }

  private CheckOutcome check(String purpose, byte[] secret) {
    return db.get(
        () ->
            beans.oracle.check(
                Subject.of("customer:1"), Purpose.parse(purpose).orElseThrow(), secret));
  }

  private byte[] enrollTicket(String subject, String purpose) {
    return db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(
                        Subject.of(subject), KeyId.of(purpose), Operation.ENROLL, null),
                    Purpose.PIN))
        .bytes();
  }

  @Test
  void theFirstEnrollmentAnswersThePepperThatChecksAnswer() throws EnrollRefused {
    byte[] pepper = enroll("customer:1", "pin", pin, null);
    assertEquals(32, pepper.length);
    assertArrayEquals(pepper, assertInstanceOf(Accepted.class, check("pin", pin)).pepper());
  }

  @Test
  void rejectsASecondEnrollmentWithoutATicketAndChangesNothing() throws EnrollRefused {
    enroll("customer:1", "pin", pin, null);
    check("pin", newPin);
    EnrollRefused e =
        assertThrows(EnrollRefused.class, () -> enroll("customer:1", "pin", newPin, new byte[0]));
    assertEquals(EnrollRefused.Reason.ALREADY_ENROLLED, e.reason());
    assertEquals(new Rejected(3), check("pin", newPin), "the counter was not reset either");
    assertInstanceOf(Accepted.class, check("pin", pin));
  }

  @Test
  void anEnrollTicketReplacesTheSecretAndResetsTheCounter() throws EnrollRefused {
    enroll("customer:1", "pin", pin, null);
    for (int i = 0; i < 4; i++) {
      check("pin", newPin);
    }
    byte[] pepper = enroll("customer:1", "pin", newPin, enrollTicket("customer:1", "pin"));
    assertArrayEquals(pepper, assertInstanceOf(Accepted.class, check("pin", newPin)).pepper());
    assertEquals(new Rejected(4), check("pin", pin));
  }

  @Test
  void rejectsAnEnrollTicketOfAnotherSubjectOrPurposeOrAUsedOne() throws EnrollRefused {
    enroll("customer:1", "pin", pin, null);
    assertEquals(
        TicketRefused.Reason.WRONG_SUBJECT,
        refusedTicket(enrollTicket("customer:2", "pin")).ticketReason());
    assertEquals(
        TicketRefused.Reason.WRONG_KEY,
        refusedTicket(enrollTicket("customer:1", "questions")).ticketReason());
    byte[] signTicket =
        db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(
                            Subject.of("customer:1"),
                            KeyId.of("pin"),
                            Operation.SIGN,
                            new byte[32]),
                        Purpose.PIN))
            .bytes();
    assertEquals(TicketRefused.Reason.WRONG_OPERATION, refusedTicket(signTicket).ticketReason());
    byte[] used = enrollTicket("customer:1", "pin");
    enroll("customer:1", "pin", pin, used);
    assertEquals(TicketRefused.Reason.ALREADY_USED, refusedTicket(used).ticketReason());
    assertInstanceOf(Accepted.class, check("pin", pin), "the secret never changed");
    assertTrue(
        db.get(
            () ->
                db.entityManager()
                    .createQuery(
                        "SELECT COUNT(a) FROM AuditRecord a WHERE a.operation = 'secret.enroll'"
                            + " AND a.outcome = 'BAD_TICKET'",
                        Long.class)
                    .getSingleResult()
                    .equals(4L)),
        "each refusal is audited");
  }

  private EnrollRefused refusedTicket(byte[] ticket) {
    EnrollRefused e =
        assertThrows(EnrollRefused.class, () -> enroll("customer:1", "pin", newPin, ticket));
    assertEquals(EnrollRefused.Reason.BAD_TICKET, e.reason());
    return e;
  }

  @Test
  void aTicketCanEnrollTheFirstSecretOfAPurposeToo() throws EnrollRefused {
    enroll("customer:1", "questions", newPin, enrollTicket("customer:1", "questions"));
    assertInstanceOf(Accepted.class, check("questions", newPin));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void ofConcurrentFirstEnrollmentsExactlyOneWins(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = new Node2Beans(db).prepared();
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<byte[]> secrets = new ArrayList<>();
    List<Future<byte[]>> results = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      for (int i = 0; i < n; i++) {
        byte[] secret = ("secret number " + i).getBytes(UTF_8);
        secrets.add(secret);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return enroll("customer:1", "pin", secret, null);
                  } catch (EnrollRefused e) {
                    assertEquals(EnrollRefused.Reason.ALREADY_ENROLLED, e.reason());
                    return null;
                  }
                }));
      }
      start.countDown();
      int winner = -1;
      for (int i = 0; i < n; i++) {
        if (results.get(i).get() != null) {
          assertEquals(-1, winner, "a second enrollment won");
          winner = i;
        }
      }
      assertTrue(winner >= 0, "nobody won");
      assertInstanceOf(Accepted.class, check("pin", secrets.get(winner)));
      for (int i = 0; i < n; i++) {
        if (i != winner) {
          assertFalse(check("pin", secrets.get(i)) instanceof Accepted, "a loser's secret");
        }
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(db.get(() -> beans.audit.verify()).ok());
  }
}
