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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.RemoveRequest;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.SecretsGrpc.SecretsBlockingStub;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.control.UncheckedMint;

/**
 * Issue 12, item 1: a Node 1 that holds nothing but its mTLS identity plays each way of turning the
 * enrollment into an open oracle, over Node 2's real Secrets service. Each is refused with nothing
 * enrolled, no pepper and no ticket: a subject has one unlock purpose (customer: PIN, organization:
 * organization secret), only that one is enrolled without a ticket and only while it has none,
 * every ticket records the purpose whose check bought it, and enrolling never answers the pepper of
 * an earlier enrollment.
 */
class EnrollmentOracleAttacksTest {
  private static InProcessNode2 node2;
  private static SecretsBlockingStub secrets;

  private final String customer = "customer:" + UUID.randomUUID();
  private final String organization = "organization:" + UUID.randomUUID();
  private final byte[] pin = "argon2id(the victim's PIN) ....".getBytes(UTF_8);
  private final byte[] orgSecret = Node1.random(32);
  private final byte[] attackers = "the attacker's own chosen secret".getBytes(UTF_8);

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
  void enrollingAnOrganizationSecretOnACustomerBuysNoTicket() {
    enroll(customer, Purpose.PIN, pin, null);
    assertRefused(
        "PROTOCOL_VIOLATION", () -> enroll(customer, Purpose.ORG_SECRET, attackers, null));
    assertRefused(
        "PROTOCOL_VIOLATION",
        () -> check(customer, Purpose.ORG_SECRET, attackers, sign("key-1"), export("key-1")));
    assertNothingEnrolledBut(customer, 1);
    assertNoTickets(customer);
  }

  @Test
  void enrollingAPinOnAnOrganizationBuysNoTicket() {
    enroll(organization, Purpose.ORG_SECRET, orgSecret, null);
    assertRefused("PROTOCOL_VIOLATION", () -> enroll(organization, Purpose.PIN, attackers, null));
    assertRefused(
        "PROTOCOL_VIOLATION",
        () -> check(organization, Purpose.PIN, attackers, sign("key-1"), refresh("key-1")));
    for (Purpose recovery : List.of(Purpose.QUESTIONS, Purpose.EMAIL)) {
      assertRefused("PROTOCOL_VIOLATION", () -> enroll(organization, recovery, attackers, null));
    }
    assertNothingEnrolledBut(organization, 1);
    assertNoTickets(organization);
  }

  @Test
  void securityAnswersEnrolledWithoutATicketBuyNoNewPinAndNoPepperForAGuess() {
    enroll(customer, Purpose.PIN, pin, null);
    assertRefused("BAD_TICKET", () -> enroll(customer, Purpose.QUESTIONS, attackers, null));
    assertRefused("BAD_TICKET", () -> enroll(customer, Purpose.EMAIL, attackers, null));
    assertTrue(
        check(customer, Purpose.QUESTIONS, attackers, enrollPin()).hasNotEnrolled(),
        "no ENROLL ticket for the PIN");
    // Without that ticket every guess at the PIN is a first enrollment of a PIN that exists.
    for (String guess : List.of("000000", "123456", "argon2id(the victim's PIN) ....")) {
      assertRefused(
          "ALREADY_ENROLLED", () -> enroll(customer, Purpose.PIN, guess.getBytes(UTF_8), null));
    }
    assertNothingEnrolledBut(customer, 1);
    assertNoTickets(customer);
  }

  @Test
  void anEnrollTicketForThePinNeverAnswersThePepperOfTheOldPin() {
    byte[] wrappedWith = enroll(customer, Purpose.PIN, pin, null);
    // Security answers set up the honest way, and an attacker who knows them (a recovery may
    // replace the PIN): each ENROLL ticket lets it enroll one guess of the old PIN.
    byte[] answers = "answers the attacker happens to know".getBytes(UTF_8);
    enroll(customer, Purpose.QUESTIONS, answers, ticket(customer, Purpose.PIN, pin, "questions"));
    byte[] enrollPin = ticket(customer, Purpose.QUESTIONS, answers, "pin");
    byte[] answered = enroll(customer, Purpose.PIN, pin, enrollPin);
    assertFalse(
        Arrays.equals(wrappedWith, answered),
        "enrolling the right guess must not answer the pepper the old wrapping was made with");
    byte[] again = enroll(customer, Purpose.PIN, pin, ticket(customer, Purpose.PIN, pin, "pin"));
    assertFalse(Arrays.equals(answered, again), "every enrollment has a pepper of its own");
    assertArrayEquals(
        again,
        check(customer, Purpose.PIN, pin).getAccepted().getPepper().toByteArray(),
        "checks answer the current enrollment's pepper");
  }

  @Test
  void anUnprefixedSubjectIsRefused() {
    String bare = UUID.randomUUID().toString();
    assertRefused("PROTOCOL_VIOLATION", () -> enroll(bare, Purpose.PIN, attackers, null));
    assertRefused("PROTOCOL_VIOLATION", () -> enroll(bare, Purpose.ORG_SECRET, attackers, null));
    assertRefused("PROTOCOL_VIOLATION", () -> check(bare, Purpose.PIN, attackers, sign("k")));
    assertRefused("PROTOCOL_VIOLATION", () -> enroll("customer:", Purpose.PIN, attackers, null));
    assertNothingEnrolledBut(bare, 0);
  }

  @Test
  void theUnlockSecretCannotBeRemovedToBeEnrolledAgainWithoutATicket() {
    enroll(customer, Purpose.PIN, pin, null);
    byte[] ticket = ticket(customer, Purpose.PIN, pin, "pin");
    assertRefused(
        "PROTOCOL_VIOLATION",
        () ->
            secrets.remove(
                RemoveRequest.newBuilder()
                    .setSubject(customer)
                    .setPurpose(Purpose.PIN)
                    .setTicket(ByteString.copyFrom(ticket))
                    .build()));
    assertRefused("ALREADY_ENROLLED", () -> enroll(customer, Purpose.PIN, attackers, null));
    assertTrue(check(customer, Purpose.PIN, pin).hasAccepted());
  }

  @Test
  void oneCheckBuysNoMoreSignTicketsThanTheBound() {
    enroll(customer, Purpose.PIN, pin, null);
    TicketWanted[] five = new TicketWanted[5];
    for (int i = 0; i < five.length; i++) {
      five[i] = sign("key-" + i);
    }
    StatusRuntimeException e =
        assertRefused("PROTOCOL_VIOLATION", () -> check(customer, Purpose.PIN, pin, five));
    assertTrue(e.getStatus().getDescription().contains("at most 4 SIGN tickets"), e.toString());
    assertNoTickets(customer);
    CheckReply four = check(customer, Purpose.PIN, pin, Arrays.copyOf(five, 4));
    assertEquals(4, four.getAccepted().getTicketsCount());
    CheckReply mixed =
        check(
            customer,
            Purpose.PIN,
            pin,
            sign("a"),
            sign("b"),
            sign("c"),
            sign("d"),
            refresh("a"),
            refresh("b"));
    assertEquals(6, mixed.getAccepted().getTicketsCount(), "only SIGN tickets are bounded");
  }

  @Test
  void aTicketBoughtByARecoverySecretOpensNoSession() {
    Node1 node1 = new Node1(node2, customer);
    String keyId = "k-" + UUID.randomUUID();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    // Node 2's MAC holds, as for a ticket minted before the rule: only its purpose is wrong.
    byte[] boughtByAnswers =
        node2
            .db
            .get(
                () ->
                    UncheckedMint.mint(
                        node2.beans.tickets,
                        new TicketRequest(
                            Subject.of(customer),
                            KeyId.of(keyId),
                            org.planbok.node2.api.vocabulary.Operation.SIGN,
                            digest),
                        "questions"))
            .bytes();
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> node1.ecdsaSign(keyId, share, digest, DerivationPath.root(), boughtByAnswers));
    assertEquals("BAD_TICKET", e.getTrailers().get(Refusals.REASON), e.toString());
    assertTrue(e.getStatus().getDescription().contains("WRONG_PURPOSE"), e.toString());
    node1.ecdsaSign(keyId, share, digest); // a PIN's ticket signs
  }

  // --- the attacker's side ------------------------------------------------------------------

  private byte[] enroll(String subject, Purpose purpose, byte[] secret, byte[] ticket) {
    return secrets
        .enroll(
            EnrollRequest.newBuilder()
                .setSubject(subject)
                .setPurpose(purpose)
                .setSecret(ByteString.copyFrom(secret))
                .setTicket(ByteString.copyFrom(ticket == null ? new byte[0] : ticket))
                .build())
        .getPepper()
        .toByteArray();
  }

  private CheckReply check(String subject, Purpose purpose, byte[] secret, TicketWanted... want) {
    return secrets.check(
        CheckRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(purpose)
            .setSecret(ByteString.copyFrom(secret))
            .addAllTickets(List.of(want))
            .build());
  }

  /** An ENROLL ticket for {@code enrolls}, bought by a right {@code purpose} secret. */
  private byte[] ticket(String subject, Purpose purpose, byte[] secret, String enrolls) {
    CheckReply reply = check(subject, purpose, secret, wanted(enrolls, Operation.ENROLL, null));
    assertTrue(reply.hasAccepted(), reply.toString());
    return reply.getAccepted().getTickets(0).toByteArray();
  }

  private static TicketWanted enrollPin() {
    return wanted("pin", Operation.ENROLL, null);
  }

  private static TicketWanted sign(String keyId) {
    return wanted(keyId, Operation.SIGN, Node1.random(32));
  }

  private static TicketWanted export(String keyId) {
    return wanted(keyId, Operation.EXPORT, Node1.random(32));
  }

  private static TicketWanted refresh(String keyId) {
    return wanted(keyId, Operation.REFRESH, null);
  }

  private static TicketWanted wanted(String keyId, Operation op, byte[] digest) {
    return TicketWanted.newBuilder()
        .setKeyId(keyId)
        .setOperation(op)
        .setDigest(ByteString.copyFrom(digest == null ? new byte[0] : digest))
        .build();
  }

  private static void assertNothingEnrolledBut(String subject, long verifiers) {
    long rows =
        node2.db.get(
            () ->
                node2
                    .db
                    .entityManager()
                    .createQuery(
                        "SELECT COUNT(v) FROM SecretVerifierRecord v WHERE v.subject = :s",
                        Long.class)
                    .setParameter("s", subject)
                    .getSingleResult());
    assertEquals(verifiers, rows, "secrets enrolled for " + subject);
  }

  private static void assertNoTickets(String subject) {
    long rows =
        node2.db.get(
            () ->
                node2
                    .db
                    .entityManager()
                    .createQuery(
                        "SELECT COUNT(t) FROM IssuedTicketRecord t WHERE t.subject = :s",
                        Long.class)
                    .setParameter("s", subject)
                    .getSingleResult());
    assertEquals(0, rows, "tickets minted for " + subject);
  }

  private static StatusRuntimeException assertRefused(String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(reason, e.getTrailers().get(Refusals.REASON), e.toString());
    assertTrue(e.getStatus().getCode() != Status.Code.INTERNAL, e.toString());
    return e;
  }
}
