package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.ExportChallengeRequest;
import org.planbok.node2.api.ExportsGrpc;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.secrets.entity.SecretVerifierRecord;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.Device;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;
import org.planbok.node2.testing.Node1.ExportTerms;

/**
 * Issue 12 item 4, "exports can be sealed to anyone's key", played by the integrator's backend: it
 * relays every request of the customer's device, so it holds the PIN secret ({@code
 * encryptedSecret}) and the device's authorizations, can ask Node 2 for challenges and buy EXPORT
 * tickets with the relayed secret, and wants the key sealed to a device key of its own. Node 2 must
 * release nothing to it: only a holder of the PIN (of the PIN key behind the secret) names the
 * device key, in an authorization sealed to Node 2's export key against a single-use challenge.
 */
class SubstitutedDeviceKeyTest {
  private static final String PATH = "m/44/60/0/0/0";
  // ed25519 derives one level below the root.
  private static final String ED_PATH = "m/0";
  private static InProcessNode2 node2;
  private static Node1 node1;
  private static final Device customer = new Device();
  private static final Device backend = new Device();

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:7c0e6a8e");
    SecretsGrpc.newBlockingStub(node2.channel)
        .enroll(
            EnrollRequest.newBuilder()
                .setSubject(node1.subject())
                .setPurpose(Purpose.PIN)
                .setSecret(ByteString.copyFrom(customer.encryptedSecret()))
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void aRelayedSecretWithASubstitutedDeviceKeyIsRefused() {
    String keyId = "relay-" + InProcessNode2.RANDOM.nextLong();
    node1.committedEcdsaKey(keyId);
    byte[] stolen = backend.publicKey();
    // Its own key, no authorization: the backend has none to give.
    assertNotReleased(keyId, stolen, ExportTerms.unauthorized(PATH));
    // A genuine authorization of the customer's device, relayed with the backend's key instead.
    assertNotReleased(keyId, stolen, node1.authorizedBy(customer, keyId, PATH));
    assertEquals(0, failures(), "a well-formed authorization naming another key is no PIN guess");
    // One the backend seals itself: it must guess the PIN key; the relayed secret is not it.
    byte[] challenge = challenge(keyId);
    byte[] forged =
        Device.sealAuthorization(
            node1.exportKey(), challenge, customer.encryptedSecret(), stolen, keyId, PATH);
    assertNotReleased(keyId, stolen, new ExportTerms(PATH, forged, challenge));
    assertEquals(1, failures(), "a wrong PIN key counts as a wrong PIN");
    assertTrue(ExportSessionsTest.exportAuditOf(node2, keyId).isEmpty(), "nothing released");

    // The customer's own export still works, and resets the count.
    ExportSessionsTest.export(
        node1,
        Curve.SECP256K1,
        keyId,
        customer.publicKey(),
        BigInteger.ZERO,
        relayedTicket(keyId, customer.publicKey(), PATH),
        node1.authorizedBy(customer, keyId, PATH));
    assertEquals(0, failures());
  }

  @Test
  void aReplayedChallengeIsRefused() {
    String keyId = "replay-" + InProcessNode2.RANDOM.nextLong();
    node1.committedEddsaKey(keyId);
    ExportTerms once = node1.authorizedBy(customer, keyId, ED_PATH);
    ExportSessionsTest.export(
        node1,
        Curve.ED25519,
        keyId,
        customer.publicKey(),
        BigInteger.ZERO,
        relayedTicket(keyId, customer.publicKey(), ED_PATH),
        once);
    // The very request again, with a fresh ticket: the challenge is used up.
    assertRefused(
        "EXPORT_NOT_AUTHORIZED",
        Status.Code.PERMISSION_DENIED,
        () -> open(Curve.ED25519, keyId, customer.publicKey(), once).receive());
    // An expired one, sealed correctly.
    ExportTerms late = node1.authorizedBy(customer, keyId, ED_PATH);
    node2.beans.clock.advance(InProcessNode2.CHALLENGE_TTL.plus(Duration.ofSeconds(1)));
    assertRefused(
        "EXPORT_NOT_AUTHORIZED",
        Status.Code.PERMISSION_DENIED,
        () -> open(Curve.ED25519, keyId, customer.publicKey(), late).receive());
    assertEquals(1, ExportSessionsTest.exportAuditOf(node2, keyId).size());
  }

  @Test
  void anAuthorizationForAnotherWalletOrPathIsRefused() {
    String keyId = "path-" + InProcessNode2.RANDOM.nextLong();
    String otherKey = "other-" + InProcessNode2.RANDOM.nextLong();
    node1.committedEcdsaKey(keyId);
    node1.committedEcdsaKey(otherKey);
    ExportTerms forPath = node1.authorizedBy(customer, keyId, PATH);
    assertNotReleased(
        keyId,
        customer.publicKey(),
        new ExportTerms("m/44/60/0/0/1", forPath.authorization(), forPath.challenge()));
    ExportTerms forKey = node1.authorizedBy(customer, keyId, PATH);
    assertNotReleased(otherKey, customer.publicKey(), forKey);
    // The other key's own challenge with the first key's authorization does not open.
    ExportTerms forKeyAgain = node1.authorizedBy(customer, keyId, PATH);
    assertNotReleased(
        otherKey,
        customer.publicKey(),
        new ExportTerms(PATH, forKeyAgain.authorization(), challenge(otherKey)));
    // A challenge of another subject's key is not minted at all.
    Node1 stranger = new Node1(node2, "customer:stranger");
    assertRefused("UNKNOWN_KEY", Status.Code.NOT_FOUND, () -> stranger.challenge(keyId));
    assertTrue(ExportSessionsTest.exportAuditOf(node2, keyId).isEmpty());
    assertTrue(ExportSessionsTest.exportAuditOf(node2, otherKey).isEmpty());
  }

  @Test
  void aMalformedAuthorizationOrChallengeIsRefusedUncountedAndLeavesTheTicket() {
    String keyId = "bad-" + InProcessNode2.RANDOM.nextLong();
    node1.committedEcdsaKey(keyId);
    byte[] ticket = relayedTicket(keyId, customer.publicKey(), PATH);
    ExportTerms good = node1.authorizedBy(customer, keyId, PATH);
    int before = failures();
    for (ExportTerms bad :
        List.of(
            new ExportTerms(PATH, good.authorization(), Arrays.copyOf(good.challenge(), 31)),
            new ExportTerms(PATH, new byte[1025], good.challenge()),
            new ExportTerms("", good.authorization(), good.challenge()),
            new ExportTerms("m/" + "0/".repeat(40), good.authorization(), good.challenge()))) {
      assertRefused(
          "PROTOCOL_VIOLATION",
          Status.Code.INVALID_ARGUMENT,
          () ->
              node1
                  .openExport(
                      Node1.sid(),
                      Curve.SECP256K1,
                      keyId,
                      customer.publicKey(),
                      BigInteger.ZERO,
                      ticket,
                      bad)
                  .receive());
    }
    assertRefused(
        "PROTOCOL_VIOLATION",
        Status.Code.INVALID_ARGUMENT,
        () ->
            ExportsGrpc.newBlockingStub(node2.channel)
                .exportChallenge(
                    ExportChallengeRequest.newBuilder()
                        .setSubject(node1.subject())
                        .setKeyId("not a key id")
                        .build()));
    assertEquals(before, failures(), "malformed input is not a PIN attempt");
    ExportSessionsTest.export(
        node1, Curve.SECP256K1, keyId, customer.publicKey(), BigInteger.ZERO, ticket, good);
  }

  private static void assertNotReleased(String keyId, byte[] device, ExportTerms terms) {
    assertRefused(
        "EXPORT_NOT_AUTHORIZED",
        Status.Code.PERMISSION_DENIED,
        () -> open(Curve.SECP256K1, keyId, device, terms).receive());
  }

  private static Conversation open(Curve curve, String keyId, byte[] device, ExportTerms terms) {
    return node1.openExport(
        Node1.sid(),
        curve,
        keyId,
        device,
        BigInteger.ZERO,
        relayedTicket(keyId, device, terms.path()),
        terms);
  }

  /** What the backend buys with the relayed PIN secret: an EXPORT ticket for any device key. */
  private static byte[] relayedTicket(String keyId, byte[] device, String path) {
    try {
      CheckReply reply =
          SecretsGrpc.newBlockingStub(node2.channel)
              .check(
                  CheckRequest.newBuilder()
                      .setSubject(node1.subject())
                      .setPurpose(Purpose.PIN)
                      .setSecret(ByteString.copyFrom(customer.encryptedSecret()))
                      .addTickets(
                          TicketWanted.newBuilder()
                              .setKeyId(keyId)
                              .setOperation(Operation.EXPORT)
                              .setPath(path)
                              .setDigest(
                                  ByteString.copyFrom(
                                      MessageDigest.getInstance("SHA-256").digest(device))))
                      .build());
      return reply.getAccepted().getTickets(0).toByteArray();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] challenge(String keyId) {
    return node1.challenge(keyId);
  }

  private static int failures() {
    return node2.db.get(
        () ->
            node2
                .db
                .entityManager()
                .find(
                    SecretVerifierRecord.class,
                    SecretVerifierRecord.idOf(
                        Subject.of(node1.subject()), org.planbok.node2.api.vocabulary.Purpose.PIN))
                .failures());
  }
}
