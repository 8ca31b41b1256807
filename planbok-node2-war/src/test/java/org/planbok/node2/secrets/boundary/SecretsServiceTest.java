package org.planbok.node2.secrets.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Accepted;
import org.planbok.node2.api.CancelRecoveryReply;
import org.planbok.node2.api.CancelRecoveryRequest;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.RecoveryNotReady;
import org.planbok.node2.api.RecoveryStarted;
import org.planbok.node2.api.RemoveReply;
import org.planbok.node2.api.RemoveRequest;
import org.planbok.node2.api.RevokeTicketsRequest;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.SecretsGrpc.SecretsBlockingStub;
import org.planbok.node2.api.StartRecoveryReply;
import org.planbok.node2.api.StartRecoveryRequest;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * The Secrets service over in-process gRPC on H2: enrollment and its refusals, the check with its
 * counter and tickets, and revocation, each answered with the contract's codes and reasons.
 */
class SecretsServiceTest {
  private static final AtomicLong SUBJECTS = new AtomicLong();
  private static InProcessNode2 node2;
  private static SecretsBlockingStub secrets;

  private final String subject = "customer:" + SUBJECTS.incrementAndGet();
  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final byte[] newPin = "argon2id(new PIN, salt), 32 byte".getBytes(UTF_8);

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    secrets = SecretsGrpc.newBlockingStub(node2.channel);
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void theFirstEnrollmentAnswersThePepperThatACheckAnswers() {
    byte[] pepper = enroll(Purpose.PIN, pin, new byte[0]);
    assertEquals(32, pepper.length);
    assertArrayEquals(pepper, accepted(Purpose.PIN, pin).getPepper().toByteArray());
    assertEquals(0, accepted(Purpose.PIN, pin).getTicketsExpireAtMillis(), "no tickets asked");
  }

  @Test
  void rejectsASecondEnrollmentWithoutATicketAndChangesNothing() {
    enroll(Purpose.PIN, pin, new byte[0]);
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "ALREADY_ENROLLED",
        () -> enroll(Purpose.PIN, newPin, new byte[0]));
    accepted(Purpose.PIN, pin);
    assertEquals(4, check(Purpose.PIN, newPin).getRejected().getAttemptsLeft());
  }

  @Test
  void anEnrollTicketFromACheckReplacesTheSecret() {
    byte[] oldPepper = enroll(Purpose.PIN, pin, new byte[0]);
    byte[] ticket = ticketFromCheck(Purpose.PIN, wanted("pin", Operation.ENROLL, new byte[0]));
    byte[] pepper = enroll(Purpose.PIN, newPin, ticket);
    assertFalse(java.util.Arrays.equals(oldPepper, pepper));
    assertArrayEquals(pepper, accepted(Purpose.PIN, newPin).getPepper().toByteArray());
    assertEquals(4, check(Purpose.PIN, pin).getRejected().getAttemptsLeft());
  }

  @Test
  void rejectsAnEnrollTicketOfAnotherSubjectOrPurposeOrAUsedOneAndChangesNothing() {
    enroll(Purpose.PIN, pin, new byte[0]);
    enrollWithPin(Purpose.QUESTIONS, "questions", newPin);
    byte[] forQuestions =
        ticketFromCheck(Purpose.PIN, wanted("questions", Operation.ENROLL, new byte[0]));
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "BAD_TICKET",
        () -> enroll(Purpose.PIN, newPin, forQuestions));
    byte[] theirs =
        new Node1(node2, "customer:other")
            .ticket("pin", org.planbok.node2.api.vocabulary.Operation.ENROLL, null);
    assertRefused(
        Status.Code.PERMISSION_DENIED, "BAD_TICKET", () -> enroll(Purpose.PIN, newPin, theirs));
    byte[] once = ticketFromCheck(Purpose.PIN, wanted("pin", Operation.ENROLL, new byte[0]));
    enroll(Purpose.PIN, pin, once);
    assertRefused(
        Status.Code.PERMISSION_DENIED, "BAD_TICKET", () -> enroll(Purpose.PIN, newPin, once));
    accepted(Purpose.PIN, pin);
  }

  @Test
  void ofConcurrentFirstEnrollmentsExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Status.Code>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        byte[] secret = ("secret " + i).getBytes(UTF_8);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    enroll(Purpose.PIN, secret, new byte[0]);
                    return Status.Code.OK;
                  } catch (StatusRuntimeException e) {
                    assertEquals("ALREADY_ENROLLED", e.getTrailers().get(Refusals.REASON));
                    return e.getStatus().getCode();
                  }
                }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Status.Code> r : results) {
        ok += r.get() == Status.Code.OK ? 1 : 0;
      }
      assertEquals(1, ok);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void wrongSecretsAreCountedThenTheSecretLocksEvenForTheRightOne() {
    enroll(Purpose.PIN, pin, new byte[0]);
    for (int left = 4; left >= 1; left--) {
      assertEquals(left, check(Purpose.PIN, newPin).getRejected().getAttemptsLeft());
    }
    long until = node2.beans.clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli();
    assertEquals(until, check(Purpose.PIN, newPin).getLocked().getUntilMillis());
    assertEquals(until, check(Purpose.PIN, pin).getLocked().getUntilMillis());
  }

  @Test
  void aSubjectWithoutTheSecretIsNotEnrolled() {
    assertTrue(check(Purpose.PIN, pin).hasNotEnrolled());
  }

  @Test
  void ticketsFromACheckWorkInSessions() {
    enroll(Purpose.PIN, pin, new byte[0]);
    String keyId = "key-" + SUBJECTS.incrementAndGet();
    byte[] digest = Node1.random(32);
    Accepted accepted =
        check(
                Purpose.PIN,
                pin,
                wanted(keyId, Operation.KEYGEN, new byte[0]),
                wanted(keyId, Operation.SIGN, digest))
            .getAccepted();
    assertEquals(2, accepted.getTicketsCount());
    assertEquals(
        node2.beans.clock.instant().plusSeconds(60).toEpochMilli(),
        accepted.getTicketsExpireAtMillis());
    Node1 node1 = new Node1(node2, subject);
    SessionId sid = Node1.sid();
    EcdsaP2KeyShare share = node1.ecdsaKeyGen(sid, keyId, accepted.getTickets(0).toByteArray());
    node1.finalize(keyId, sid, true);
    node1.ecdsaSign(
        keyId, share, digest, DerivationPath.root(), accepted.getTickets(1).toByteArray());
  }

  @Test
  void revokingUsesUpEveryOpenTicket() {
    enroll(Purpose.PIN, pin, new byte[0]);
    byte[] ticket =
        check(
                Purpose.PIN,
                pin,
                wanted("pin", Operation.ENROLL, new byte[0]),
                wanted("k", Operation.REFRESH, new byte[0]))
            .getAccepted()
            .getTickets(0)
            .toByteArray();
    assertEquals(
        2,
        secrets
            .revokeTickets(RevokeTicketsRequest.newBuilder().setSubject(subject).build())
            .getRevoked());
    assertRefused(
        Status.Code.PERMISSION_DENIED, "BAD_TICKET", () -> enroll(Purpose.PIN, newPin, ticket));
  }

  @Test
  void rejectsMalformedRequestsWithoutCountingThem() {
    enroll(Purpose.PIN, pin, new byte[0]);
    List<CheckRequest> malformed =
        List.of(
            request(Purpose.PURPOSE_UNSPECIFIED, newPin),
            request(Purpose.PIN, newPin).toBuilder().setSubject("").build(),
            request(Purpose.PIN, newPin).toBuilder().setSubject("c".repeat(129)).build(),
            request(Purpose.PIN, new byte[0]),
            request(Purpose.PIN, new byte[1025]),
            request(Purpose.PIN, newPin, nine()),
            request(Purpose.PIN, newPin, wanted("no spaces", Operation.REFRESH, new byte[0])),
            request(Purpose.PIN, newPin, wanted("k", Operation.OPERATION_UNSPECIFIED, null)),
            request(Purpose.PIN, newPin, wanted("k", Operation.SIGN, new byte[31])),
            request(Purpose.PIN, newPin, wanted("k", Operation.EXPORT, new byte[0])),
            request(Purpose.PIN, newPin, wanted("k", Operation.KEYGEN, new byte[32])),
            request(Purpose.PIN, newPin, wanted("k", Operation.ENROLL, new byte[0])));
    for (CheckRequest r : malformed) {
      StatusRuntimeException e =
          assertRefused(Status.Code.INVALID_ARGUMENT, "PROTOCOL_VIOLATION", () -> secrets.check(r));
      String description = String.valueOf(e.getStatus().getDescription());
      assertFalse(description.contains(HexFormat.of().formatHex(newPin)), description);
      assertFalse(description.contains(new String(newPin, UTF_8)), description);
    }
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PROTOCOL_VIOLATION",
        () -> enroll(Purpose.PURPOSE_UNSPECIFIED, newPin, new byte[0]));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PROTOCOL_VIOLATION",
        () -> secrets.revokeTickets(RevokeTicketsRequest.getDefaultInstance()));
    assertEquals(4, check(Purpose.PIN, newPin).getRejected().getAttemptsLeft());
  }

  @Test
  void anEmailRecoveryStartsWaitsIsCancelledByAPinHolderAndCompletesOnlyAfterTheDelay() {
    enroll(Purpose.PIN, pin, new byte[0]);
    byte[] kit = Node1.random(32);
    byte[] pepper = enrollWithPin(Purpose.EMAIL, "email", kit);
    RecoveryStarted started = startRecovery(kit).getStarted();
    assertFalse(started.getResumed());
    assertEquals(
        RecoveryNotReady.State.WAITING, check(Purpose.EMAIL, kit).getRecoveryNotReady().getState());
    byte[] cancel =
        ticketFromCheck(Purpose.PIN, wanted("email", Operation.CANCEL_RECOVERY, new byte[0]));
    assertEquals(1, cancelRecovery(cancel).getCancelled());
    assertRefused(Status.Code.PERMISSION_DENIED, "BAD_TICKET", () -> cancelRecovery(cancel));
    node2.beans.clock.advance(Duration.ofDays(2));
    assertEquals(
        RecoveryNotReady.State.NOT_STARTED,
        check(Purpose.EMAIL, kit).getRecoveryNotReady().getState());

    startRecovery(kit);
    assertEquals(4, startRecovery(Node1.random(32)).getRejected().getAttemptsLeft());
    node2.beans.clock.advance(Duration.ofDays(2));
    Accepted released =
        check(Purpose.EMAIL, kit, wanted("pin", Operation.ENROLL, null)).getAccepted();
    assertArrayEquals(pepper, released.getPepper().toByteArray());
    enroll(Purpose.PIN, newPin, released.getTickets(0).toByteArray());
    accepted(Purpose.PIN, newPin);
  }

  @Test
  void removingASecretNeedsAnEnrollTicketAndForgetsIt() {
    enroll(Purpose.PIN, pin, new byte[0]);
    enrollWithPin(Purpose.QUESTIONS, "questions", newPin);
    assertRefused(
        Status.Code.PERMISSION_DENIED, "BAD_TICKET", () -> remove(Purpose.QUESTIONS, new byte[0]));
    byte[] ticket = ticketFromCheck(Purpose.PIN, wanted("questions", Operation.ENROLL, null));
    assertTrue(remove(Purpose.QUESTIONS, ticket).getRemoved());
    assertTrue(check(Purpose.QUESTIONS, newPin).hasNotEnrolled());
  }

  @Test
  void rejectsRecoveryRequestsTheContractDoesNotAllow() {
    enroll(Purpose.PIN, pin, new byte[0]);
    enrollWithPin(Purpose.QUESTIONS, "questions", newPin);
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PROTOCOL_VIOLATION",
        () ->
            secrets.startRecovery(
                StartRecoveryRequest.newBuilder()
                    .setSubject(subject)
                    .setPurpose(Purpose.QUESTIONS)
                    .setSecret(ByteString.copyFrom(newPin))
                    .build()));
    for (TicketWanted more :
        List.of(
            wanted("k", Operation.REFRESH, null),
            wanted("k", Operation.SIGN, new byte[32]),
            wanted("questions", Operation.ENROLL, null))) {
      assertRefused(
          Status.Code.INVALID_ARGUMENT,
          "PROTOCOL_VIOLATION",
          () -> check(Purpose.QUESTIONS, newPin, wanted("pin", Operation.ENROLL, null), more));
    }
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PROTOCOL_VIOLATION",
        () -> check(Purpose.PIN, pin, wanted("pin", Operation.CANCEL_RECOVERY, null)));
    assertEquals(2, check(Purpose.QUESTIONS, pin).getRejected().getAttemptsLeft(), "none counted");
  }

  // --- Node 1's side -------------------------------------------------------------------------

  private StartRecoveryReply startRecovery(byte[] kit) {
    return secrets.startRecovery(
        StartRecoveryRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(Purpose.EMAIL)
            .setSecret(ByteString.copyFrom(kit))
            .build());
  }

  private CancelRecoveryReply cancelRecovery(byte[] ticket) {
    return secrets.cancelRecovery(
        CancelRecoveryRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(Purpose.EMAIL)
            .setTicket(ByteString.copyFrom(ticket))
            .build());
  }

  private RemoveReply remove(Purpose purpose, byte[] ticket) {
    return secrets.remove(
        RemoveRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(purpose)
            .setTicket(ByteString.copyFrom(ticket))
            .build());
  }

  private byte[] enroll(Purpose purpose, byte[] secret, byte[] ticket) {
    return secrets
        .enroll(
            EnrollRequest.newBuilder()
                .setSubject(subject)
                .setPurpose(purpose)
                .setSecret(ByteString.copyFrom(secret))
                .setTicket(ByteString.copyFrom(ticket))
                .build())
        .getPepper()
        .toByteArray();
  }

  /** Sets up a secret other than the PIN as Node 1 does: with an ENROLL ticket a PIN check buys. */
  private byte[] enrollWithPin(Purpose purpose, String label, byte[] secret) {
    return enroll(
        purpose, secret, ticketFromCheck(Purpose.PIN, wanted(label, Operation.ENROLL, null)));
  }

  private CheckRequest request(Purpose purpose, byte[] secret, TicketWanted... wanted) {
    return CheckRequest.newBuilder()
        .setSubject(subject)
        .setPurpose(purpose)
        .setSecret(ByteString.copyFrom(secret))
        .addAllTickets(List.of(wanted))
        .build();
  }

  private CheckReply check(Purpose purpose, byte[] secret, TicketWanted... wanted) {
    return secrets.check(request(purpose, secret, wanted));
  }

  private Accepted accepted(Purpose purpose, byte[] secret) {
    CheckReply reply = check(purpose, secret);
    assertTrue(reply.hasAccepted(), reply.toString());
    return reply.getAccepted();
  }

  private byte[] ticketFromCheck(Purpose purpose, TicketWanted wanted) {
    return check(purpose, purpose == Purpose.PIN ? pin : newPin, wanted)
        .getAccepted()
        .getTickets(0)
        .toByteArray();
  }

  private static TicketWanted wanted(String keyId, Operation op, byte[] digest) {
    return TicketWanted.newBuilder()
        .setKeyId(keyId)
        .setOperation(op)
        .setDigest(ByteString.copyFrom(digest == null ? new byte[0] : digest))
        .build();
  }

  private static TicketWanted[] nine() {
    TicketWanted[] nine = new TicketWanted[9];
    java.util.Arrays.fill(nine, wanted("k", Operation.REFRESH, new byte[0]));
    return nine;
  }

  private static StatusRuntimeException assertRefused(
      Status.Code code, String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), e.toString());
    assertEquals(reason, e.getTrailers().get(Refusals.REASON));
    return e;
  }
}
