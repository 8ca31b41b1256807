package org.planbok.node2.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRefused.Reason;

class TicketsTest {
  private final byte[] masterKey = Node2Beans.randomKey();
  private TestDatabase db = TestDatabase.h2();
  private Node2Beans beans =
      new Node2Beans(db, MasterKeys.of(masterKey, null), Map.of()).prepared();
  private final KeyId key = KeyId.random();
  private final byte[] digest = digest(7);

  @AfterEach
  void close() {
    db.close();
  }

  private static byte[] digest(int fill) {
    byte[] d = new byte[32];
    Arrays.fill(d, (byte) fill);
    return d;
  }

  private byte[] mint() {
    return db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(Subject.of("customer:1"), key, Operation.SIGN, digest),
                    Purpose.PIN))
        .bytes();
  }

  private Reason refusal(byte[] ticket, String subject, KeyId keyId, Operation op, byte[] d) {
    return assertThrows(
            TicketRefused.class,
            () ->
                db.inTransaction(
                    () -> {
                      beans.tickets.redeem(ticket, Subject.of(subject), keyId, op, d);
                      return null;
                    }))
        .reason();
  }

  private void redeem(byte[] ticket) throws TicketRefused {
    db.inTransaction(
        () -> {
          beans.tickets.redeem(ticket, Subject.of("customer:1"), key, Operation.SIGN, digest);
          return null;
        });
  }

  @Test
  void redeemsOnceThenRefusesAsAlreadyUsed() throws TicketRefused {
    byte[] ticket = mint();
    redeem(ticket);
    assertEquals(Reason.ALREADY_USED, refusal(ticket, "customer:1", key, Operation.SIGN, digest));
  }

  @Test
  void refusesMalformedTickets() {
    assertEquals(
        Reason.MALFORMED, refusal(new byte[10], "customer:1", key, Operation.SIGN, digest));
    assertEquals(Reason.MALFORMED, refusal(null, "customer:1", key, Operation.SIGN, digest));
  }

  @Test
  void refusesATicketWithABadMac() {
    byte[] ticket = mint();
    for (int i : new int[] {0, 10, ticket.length - 1}) {
      byte[] tampered = ticket.clone();
      tampered[i] ^= 1;
      assertEquals(Reason.BAD_MAC, refusal(tampered, "customer:1", key, Operation.SIGN, digest));
    }
  }

  @Test
  void refusesATicketMintedUnderAnotherMasterKey() {
    TestDatabase other = TestDatabase.h2();
    try {
      byte[] foreign =
          other.get(
              () ->
                  new Node2Beans(other)
                      .tickets
                      .mint(
                          new TicketRequest(Subject.of("customer:1"), key, Operation.SIGN, digest),
                          Purpose.PIN)
                      .bytes());
      assertEquals(Reason.BAD_MAC, refusal(foreign, "customer:1", key, Operation.SIGN, digest));
    } finally {
      other.close();
    }
  }

  @Test
  void refusesAnExpiredTicket() {
    byte[] ticket = mint();
    beans.clock.advance(Duration.ofSeconds(60));
    assertEquals(Reason.EXPIRED, refusal(ticket, "customer:1", key, Operation.SIGN, digest));
  }

  @Test
  void refusesATicketForAnotherSubjectKeyOperationOrDigest() throws TicketRefused {
    byte[] ticket = mint();
    assertEquals(Reason.WRONG_SUBJECT, refusal(ticket, "customer:2", key, Operation.SIGN, digest));
    assertEquals(
        Reason.WRONG_KEY, refusal(ticket, "customer:1", KeyId.random(), Operation.SIGN, digest));
    assertEquals(
        Reason.WRONG_OPERATION, refusal(ticket, "customer:1", key, Operation.EXPORT, digest));
    assertEquals(
        Reason.WRONG_DIGEST, refusal(ticket, "customer:1", key, Operation.SIGN, digest(8)));
    assertEquals(Reason.WRONG_DIGEST, refusal(ticket, "customer:1", key, Operation.SIGN, null));
    redeem(ticket); // the refusals did not use it up
  }

  @Test
  void aRevokedTicketCountsAsUsed() {
    byte[] ticket = mint();
    assertEquals(1, (int) db.get(() -> beans.tickets.revokeOpen(Subject.of("customer:1"))));
    assertEquals(Reason.ALREADY_USED, refusal(ticket, "customer:1", key, Operation.SIGN, digest));
  }

  @Test
  void housekeepingDeletesOnlyLongExpiredTicketRows() {
    mint();
    beans.clock.advance(Duration.ofHours(2));
    mint();
    assertEquals(1, (int) db.get(() -> beans.tickets.deleteExpiredOlderThan(Duration.ofHours(1))));
  }

  @Test
  void aTicketMintedBeforeARotationStillRedeems() throws TicketRefused {
    byte[] ticket = mint();
    beans =
        new Node2Beans(db, MasterKeys.of(Node2Beans.rotationKey(masterKey), masterKey), Map.of());
    redeem(ticket);
  }

  @Test
  void rejectsADigestTheOperationDoesNotBind() {
    for (Operation op : new Operation[] {Operation.SIGN, Operation.EXPORT}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new TicketRequest(Subject.of("customer:c"), key, op, new byte[0]));
      assertThrows(
          IllegalArgumentException.class,
          () -> new TicketRequest(Subject.of("customer:c"), key, op, new byte[31]));
    }
    for (Operation op : new Operation[] {Operation.KEYGEN, Operation.REFRESH, Operation.ENROLL}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new TicketRequest(Subject.of("customer:c"), key, op, digest));
      new TicketRequest(Subject.of("customer:c"), key, op, null);
    }
  }

  @Test
  void anEnrollTicketNamesThePurposeAsItsKey() throws TicketRefused {
    KeyId pin = KeyId.of("pin");
    byte[] ticket =
        db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(
                            Subject.of("customer:1"), pin, Operation.ENROLL, new byte[0]),
                        Purpose.PIN))
            .bytes();
    assertEquals(
        Reason.WRONG_KEY,
        refusal(ticket, "customer:1", KeyId.of("questions"), Operation.ENROLL, new byte[0]));
    db.inTransaction(
        () -> {
          beans.tickets.redeem(
              ticket, Subject.of("customer:1"), pin, Operation.ENROLL, new byte[0]);
          return null;
        });
  }

  @Test
  void aRecoverySecretBuysNoSignTicketAndAnOrganizationNoPinTicket() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(Subject.of("customer:1"), key, Operation.SIGN, digest),
                        Purpose.QUESTIONS)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(
                            Subject.of("organization:1"), key, Operation.SIGN, digest),
                        Purpose.PIN)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            db.get(
                () ->
                    beans.tickets.mint(
                        new TicketRequest(Subject.of("customer-1"), key, Operation.SIGN, digest),
                        Purpose.PIN)));
  }

  @Test
  void refusesATicketBoughtByAPurposeThatMayNotBuyItEvenWithAGoodMac() {
    byte[] ticket =
        db.get(
                () ->
                    UncheckedMint.mint(
                        beans.tickets,
                        new TicketRequest(Subject.of("customer:1"), key, Operation.SIGN, digest),
                        "questions"))
            .bytes();
    assertEquals(Reason.WRONG_PURPOSE, refusal(ticket, "customer:1", key, Operation.SIGN, digest));
  }

  @Test
  void theTicketsToStringHidesItsBytes() {
    Ticket t =
        db.get(
            () ->
                beans.tickets.mint(
                    new TicketRequest(Subject.of("customer:c"), key, Operation.SIGN, digest),
                    Purpose.PIN));
    assertFalse(t.toString().contains(Arrays.toString(t.bytes())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void ofTwoConcurrentRedeemsExactlyOneSucceeds(String kind) throws Exception {
    db.close();
    db = TestDatabase.named(kind);
    beans = new Node2Beans(db).prepared();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        byte[] ticket = mint();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Callable<Boolean> attempt =
              () -> {
                start.await();
                try {
                  redeem(ticket);
                  return true;
                } catch (TicketRefused e) {
                  assertEquals(Reason.ALREADY_USED, e.reason());
                  return false;
                }
              };
          results.add(pool.submit(attempt));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> r : results) {
          succeeded += r.get() ? 1 : 0;
        }
        assertEquals(1, succeeded, "round " + round);
      }
    } finally {
      pool.shutdown();
    }
  }
}
