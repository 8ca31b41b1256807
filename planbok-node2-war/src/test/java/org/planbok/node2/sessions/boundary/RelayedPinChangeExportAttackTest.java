package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.testing.Device;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * The integrator's backend relays a PIN change too: with the customer's relayed PIN secret it buys
 * an ENROLL ticket for the PIN and enrolls a PIN secret of its own choosing, whose PIN key it
 * knows. It can then seal export authorizations as if it were the device. Node 2 refuses every
 * export of the customer's keys for a while after a PIN replaced another (planbok.node2.exports
 * .after-pin-replaced, two days by default), time for the customer, whose PIN stopped working and
 * who is told by mail, to recover first.
 */
class RelayedPinChangeExportAttackTest {
  private static final String PATH = "m/44/60/0/0/0";
  private static InProcessNode2 node2;
  private static Node1 node1;
  private static final Device customer = new Device();
  private static final Device backend = new Device();

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:relayed-change");
    enroll(customer.encryptedSecret(), ByteString.EMPTY);
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void aPinTheBackendSetByARelayedChangeExportsNothingUntilItSettled() {
    String keyId = "changed-" + InProcessNode2.RANDOM.nextLong();
    node1.committedEcdsaKey(keyId);
    // The customer's own export works while their first PIN stands.
    export(keyId, customer);

    // The relayed change: the customer's secret buys the ticket, the backend names the new secret.
    byte[] enrollTicket = ticket(customer, "pin", Operation.ENROLL, new byte[0], "");
    enroll(backend.encryptedSecret(), ByteString.copyFrom(enrollTicket));

    assertRefused(
        "EXPORT_NOT_AUTHORIZED", Status.Code.PERMISSION_DENIED, () -> export(keyId, backend));
    node2.beans.clock.advance(InProcessNode2.AFTER_PIN_REPLACED.minus(Duration.ofMinutes(1)));
    assertRefused(
        "EXPORT_NOT_AUTHORIZED", Status.Code.PERMISSION_DENIED, () -> export(keyId, backend));
    assertEquals(
        1,
        ExportSessionsTest.exportAuditOf(node2, keyId).size(),
        "only the customer's own export released anything");

    // After the wait a PIN holder exports again (the customer had two days to recover).
    node2.beans.clock.advance(Duration.ofMinutes(2));
    export(keyId, backend);
    assertTrue(ExportSessionsTest.exportAuditOf(node2, keyId).size() == 2);
  }

  private static void export(String keyId, Device device) {
    ExportSessionsTest.export(
        node1,
        Curve.SECP256K1,
        keyId,
        device.publicKey(),
        BigInteger.ZERO,
        ticket(device, keyId, Operation.EXPORT, sha256(device.publicKey()), PATH),
        node1.authorizedBy(device, keyId, PATH));
  }

  private static void enroll(byte[] secret, ByteString ticket) {
    SecretsGrpc.newBlockingStub(node2.channel)
        .enroll(
            EnrollRequest.newBuilder()
                .setSubject(node1.subject())
                .setPurpose(Purpose.PIN)
                .setSecret(ByteString.copyFrom(secret))
                .setTicket(ticket)
                .build());
  }

  private static byte[] ticket(
      Device pinHolder, String keyId, Operation op, byte[] digest, String path) {
    CheckReply reply =
        SecretsGrpc.newBlockingStub(node2.channel)
            .check(
                CheckRequest.newBuilder()
                    .setSubject(node1.subject())
                    .setPurpose(Purpose.PIN)
                    .setSecret(ByteString.copyFrom(pinHolder.encryptedSecret()))
                    .addTickets(
                        TicketWanted.newBuilder()
                            .setKeyId(keyId)
                            .setOperation(op)
                            .setDigest(ByteString.copyFrom(digest))
                            .setPath(path))
                    .build());
    assertTrue(reply.hasAccepted(), reply.toString());
    return reply.getAccepted().getTickets(0).toByteArray();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
