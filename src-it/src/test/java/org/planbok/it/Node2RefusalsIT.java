package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.Node1Protocols.RANDOM;
import static org.planbok.it.Node1Protocols.wanted;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.TicketWanted;

/**
 * The real Node 2 protects itself from Node 1: the tests play Node 1 over gRPC with Node 1's own
 * certificate, and Node 2 signs only with a ticket it minted after a correct secret, for exactly
 * that subject, key and digest, once and before it expires (10 s on the tests' servers).
 */
class Node2RefusalsIT {
  private static Node1Link node2;
  private static String subject;
  private static byte[] secret;
  private static String keyId;
  private static EcdsaP2KeyShare share;

  @BeforeAll
  static void aKey() {
    node2 = Node1Link.open();
    subject = "customer:" + UUID.randomUUID();
    secret = random(32);
    SecretsSeen.add(secret);
    node2.enroll(subject, secret, null);
    keyId = UUID.randomUUID().toString();
    share = Node1Protocols.ecdsaKeyGen(node2, subject, secret, keyId);
  }

  @AfterAll
  static void close() {
    node2.close();
  }

  @Test
  void aTicketForThisDigestSignsOnce() {
    byte[] digest = random(32);
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.SIGN, digest));
    EcdsaSignature signature =
        Node1Protocols.sign(node2, subject, keyId, share, digest, ticket, false);
    assertTrue(signature.verifies(share.publicKey(), digest));
    assertRefused("BAD_TICKET", () -> sign(digest, ticket));
  }

  @Test
  void signingWithoutATicketIsRefused() {
    assertRefused("BAD_TICKET", () -> sign(random(32), new byte[0]));
  }

  @Test
  void aTicketForAnotherDigestIsRefused() {
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.SIGN, random(32)));
    assertRefused("BAD_TICKET", () -> sign(random(32), ticket));
  }

  @Test
  void aTicketForAnotherOperationIsRefused() {
    byte[] digest = random(32);
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.EXPORT, digest));
    assertRefused("BAD_TICKET", () -> sign(digest, ticket));
  }

  @Test
  void anExpiredTicketIsRefused() throws Exception {
    byte[] digest = random(32);
    CheckReply reply = node2.check(subject, secret, wanted(keyId, Operation.SIGN, digest));
    long expiresAt = reply.getAccepted().getTicketsExpireAtMillis();
    Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 500);
    byte[] ticket = reply.getAccepted().getTickets(0).toByteArray();
    assertRefused("BAD_TICKET", () -> sign(digest, ticket));
  }

  @Test
  void aTamperedTicketIsRefused() {
    byte[] digest = random(32);
    byte[] ticket = node2.ticket(subject, secret, wanted(keyId, Operation.SIGN, digest));
    ticket[ticket.length - 1] ^= 1;
    assertRefused("BAD_TICKET", () -> sign(digest, ticket));
  }

  @Test
  void anotherSubjectsTicketFindsNoKey() {
    String other = "customer:" + UUID.randomUUID();
    byte[] otherSecret = random(32);
    node2.enroll(other, otherSecret, null);
    byte[] digest = random(32);
    byte[] ticket = node2.ticket(other, otherSecret, wanted(keyId, Operation.SIGN, digest));
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> Node1Protocols.sign(node2, other, keyId, share, digest, ticket, false));
    assertEquals("UNKNOWN_KEY", Node1Link.reasonOf(e));
  }

  @Test
  void aWrongSecretGetsNoTicketAndIsCounted() {
    String who = "customer:" + UUID.randomUUID();
    node2.enroll(who, random(32), null);
    CheckReply wrong = node2.check(who, random(32), wanted(keyId, Operation.SIGN, random(32)));
    assertTrue(wrong.hasRejected(), wrong.toString());
    assertEquals(4, wrong.getRejected().getAttemptsLeft());
  }

  @Test
  void keyGenerationNeedsATicket() {
    String newKey = UUID.randomUUID().toString();
    SessionId sid = SessionId.random(RANDOM);
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> {
              try (Node1Link.Stream s =
                  node2.session(
                      Node1Protocols.open(
                          sid, Operation.KEYGEN, newKey, subject, new byte[0], null))) {
                s.receive();
              }
            });
    assertEquals("BAD_TICKET", Node1Link.reasonOf(e));
  }

  @Test
  void anEnrolledSecretIsReplacedOnlyWithAnEnrollTicket() {
    String who = "customer:" + UUID.randomUUID();
    byte[] first = random(32);
    byte[] pepper = node2.enroll(who, first, null);
    StatusRuntimeException again =
        assertThrows(StatusRuntimeException.class, () -> node2.enroll(who, random(32), null));
    assertEquals("ALREADY_ENROLLED", Node1Link.reasonOf(again));
    assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
    byte[] signTicket = node2.ticket(who, first, wanted("pin", Operation.SIGN, random(32)));
    StatusRuntimeException wrongKind =
        assertThrows(StatusRuntimeException.class, () -> node2.enroll(who, random(32), signTicket));
    assertEquals("BAD_TICKET", Node1Link.reasonOf(wrongKind));

    byte[] enrollTicket = node2.ticket(who, first, wanted("pin", Operation.ENROLL, null));
    byte[] second = random(32);
    byte[] newPepper = node2.enroll(who, second, enrollTicket);
    assertFalse(java.util.Arrays.equals(pepper, newPepper));
    assertTrue(node2.check(who, first).hasRejected(), "the old secret is no longer accepted");
    CheckReply ok = node2.check(who, second);
    assertArrayEquals(newPepper, ok.getAccepted().getPepper().toByteArray());
  }

  @Test
  void enrollingAPurposeTheSubjectDoesNotOwnBuysNoTicket() {
    // Issue 12: a Node 1 with nothing but its certificate tries to become its own unlock secret.
    byte[] mine = random(32);
    SecretsSeen.add(mine);
    assertRefused(
        "PROTOCOL_VIOLATION", () -> node2.enroll(subject, Purpose.ORG_SECRET, mine, null));
    assertRefused(
        "PROTOCOL_VIOLATION",
        () ->
            node2.check(
                subject, Purpose.ORG_SECRET, mine, wanted(keyId, Operation.SIGN, random(32))));
    assertRefused("BAD_TICKET", () -> node2.enroll(subject, Purpose.QUESTIONS, mine, null));
    CheckReply answers =
        node2.check(subject, Purpose.QUESTIONS, mine, wanted("pin", Operation.ENROLL, null));
    assertTrue(answers.hasNotEnrolled(), answers.toString());
    String organization = "organization:" + UUID.randomUUID();
    node2.enroll(organization, Purpose.ORG_SECRET, random(32), null);
    assertRefused("PROTOCOL_VIOLATION", () -> node2.enroll(organization, mine, null));
    assertRefused(
        "PROTOCOL_VIOLATION", () -> node2.enroll(UUID.randomUUID().toString(), mine, null));
    TicketWanted[] five = new TicketWanted[5];
    for (int i = 0; i < five.length; i++) {
      five[i] = wanted(keyId, Operation.SIGN, random(32));
    }
    assertRefused("PROTOCOL_VIOLATION", () -> node2.check(subject, Purpose.PIN, secret, five));
    assertEquals(
        4,
        node2
            .check(subject, Purpose.PIN, secret, java.util.Arrays.copyOf(five, 4))
            .getAccepted()
            .getTicketsCount());
  }

  private static void sign(byte[] digest, byte[] ticket) {
    Node1Protocols.sign(node2, subject, keyId, share, digest, ticket, false);
  }

  private static void assertRefused(String reason, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(reason, Node1Link.reasonOf(e), e.toString());
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
