package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import io.grpc.Status;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.Device;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;
import org.planbok.node2.testing.Node1.ExportTerms;

/**
 * Export over in-process gRPC (issue 12 items 4 and 5): under an EXPORT ticket bound to the device
 * key and the device's own authorization, Node 2 sends Node 1 a fresh mask ρ and seals {@code xA +
 * ρ} to the device; the device adds Node 1's {@code xB + t − ρ} and has the root or child key.
 * Frozen keys, tickets for another device key and malformed device keys are refused.
 */
class ExportSessionsTest {
  private static final Secp256k1 K1 = Secp256k1.INSTANCE;
  private static final Ed25519 ED = Ed25519.INSTANCE;
  private static final String PATH = "m/44/60/0/0/7";
  // ed25519 derives one level below the root.
  private static final String ED_PATH = "m/7";
  private static InProcessNode2 node2;
  private static Node1 node1;
  private static final Device device = new Device();

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:1");
    node1.enrollPin(device);
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  /** What Node 1 received in an export: the mask and the part sealed to the device. */
  record Received(SessionId sid, ExportMask mask, byte[] devicePart) {}

  static Received export(
      Node1 node1,
      Curve curve,
      String keyId,
      byte[] device,
      BigInteger tweak,
      byte[] ticket,
      ExportTerms terms) {
    SessionId sid = Node1.sid();
    Conversation c = node1.openExport(sid, curve, keyId, device, tweak, ticket, terms);
    ExportMask mask = ExportMask.fromBytes(c.receive());
    SessionDone done = c.done();
    assertEquals(keyId, done.getKeyId());
    return new Received(sid, mask, done.getDevicePart().toByteArray());
  }

  private static Received export(Curve curve, String keyId, BigInteger tweak) {
    return export(
        node1,
        curve,
        keyId,
        device.publicKey(),
        tweak,
        node1.exportTicket(keyId, device.publicKey(), DerivationPath.parse(pathOf(curve))),
        node1.authorizedBy(device, keyId, pathOf(curve)));
  }

  private static String pathOf(Curve curve) {
    return curve == Curve.ED25519 ? ED_PATH : PATH;
  }

  @Test
  void anEcdsaExportGivesTheDeviceTheRootKeyAndAChildKey() throws Exception {
    String keyId = keyId();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    for (BigInteger tweak :
        List.of(BigInteger.ZERO, Node1.tweak(share, DerivationPath.parse(PATH)))) {
      Received r = export(Curve.SECP256K1, keyId, tweak);
      BigInteger m1 = new BigInteger(1, EcdsaKeyExport.node1Part(share, r.sid(), r.mask(), tweak));
      BigInteger m2 = device.openNode2Part(r.devicePart(), 1, keyId, PATH);
      BigInteger x = m1.add(m2).mod(Secp256k1.N);
      ECPoint child = K1.add(share.publicKey(), K1.multiplyGenerator(tweak));
      assertEquals(child.normalize(), K1.multiplyGenerator(x).normalize());
    }
    String hash =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(device.publicKey()));
    List<String> details = exportAudit(keyId);
    assertEquals(2, details.size());
    assertTrue(details.get(0).contains(hash), details.get(0));
  }

  @Test
  void anEddsaExportGivesTheDeviceTheRootKeyAndAChildKey() throws Exception {
    String keyId = keyId();
    EddsaKeyShare share = node1.committedEddsaKey(keyId);
    for (BigInteger tweak :
        List.of(BigInteger.ZERO, Node1.tweak(share, DerivationPath.parse(ED_PATH)))) {
      Received r = export(Curve.ED25519, keyId, tweak);
      BigInteger m1 = new BigInteger(1, EddsaKeyExport.node1Part(share, r.sid(), r.mask(), tweak));
      BigInteger m2 = device.openNode2Part(r.devicePart(), 2, keyId, ED_PATH);
      BigInteger a = m1.add(m2).mod(Ed25519.L);
      assertArrayEquals(
          ED.encode(ED.add(share.publicKey(), ED.multiplyGenerator(tweak))),
          ED.encode(ED.multiplyGenerator(a)));
    }
  }

  @Test
  void anExportAfterARefreshMasksTheNewGeneration() throws Exception {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId refresh = Node1.sid();
    EddsaKeyShare renewed = node1.eddsaRefresh(refresh, keyId, old, node1.refreshTicket(keyId));
    node1.finalize(keyId, refresh, true);
    Received r = export(Curve.ED25519, keyId, BigInteger.ZERO);
    BigInteger a =
        new BigInteger(1, EddsaKeyExport.node1Part(renewed, r.sid(), r.mask(), BigInteger.ZERO))
            .add(device.openNode2Part(r.devicePart(), 2, keyId, ED_PATH))
            .mod(Ed25519.L);
    assertArrayEquals(ED.encode(renewed.publicKey()), ED.encode(ED.multiplyGenerator(a)));
  }

  @Test
  void anOrganizationsExportNeedsNoDeviceAuthorizationButIsMaskedToo() throws Exception {
    Node1 organization = new Node1(node2, "organization:acme");
    String keyId = keyId();
    EcdsaP2KeyShare share = organization.committedEcdsaKey(keyId);
    Received r =
        export(
            organization,
            Curve.SECP256K1,
            keyId,
            device.publicKey(),
            BigInteger.ZERO,
            organization.exportTicket(keyId, device.publicKey(), DerivationPath.parse(PATH)),
            ExportTerms.unauthorized(PATH));
    BigInteger x =
        new BigInteger(1, EcdsaKeyExport.node1Part(share, r.sid(), r.mask(), BigInteger.ZERO))
            .add(device.openNode2Part(r.devicePart(), 1, keyId, PATH))
            .mod(Secp256k1.N);
    assertEquals(share.publicKey().normalize(), K1.multiplyGenerator(x).normalize());
  }

  @Test
  void rejectsTheExportOfAFrozenKeyAndLeavesTicketAndChallengeUnused() {
    String keyId = keyId();
    node1.committedEcdsaKey(keyId);
    node2.db.run(() -> node2.beans.keyShares.freeze(KeyId.of(keyId), "joint signature failed"));
    byte[] ticket = node1.exportTicket(keyId, device.publicKey(), DerivationPath.parse(PATH));
    ExportTerms terms = node1.authorizedBy(device, keyId, PATH);
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () ->
            export(
                node1, Curve.SECP256K1, keyId, device.publicKey(), BigInteger.ZERO, ticket, terms));
    node2.db.run(() -> node2.beans.keyShares.unfreeze(KeyId.of(keyId), "operator"));
    export(node1, Curve.SECP256K1, keyId, device.publicKey(), BigInteger.ZERO, ticket, terms);
    assertEquals(1, exportAudit(keyId).size(), "only the export that happened is recorded");
  }

  @Test
  void rejectsAnExportTicketForAnotherDeviceKeyOperationOrPath() {
    String keyId = keyId();
    node1.committedEddsaKey(keyId);
    byte[] otherDevice = new Device().publicKey();
    for (byte[] ticket :
        List.of(
            node1.exportTicket(keyId, otherDevice, DerivationPath.parse(ED_PATH)),
            node1.signTicket(keyId, "ed25519", device.publicKey(), DerivationPath.parse(ED_PATH)),
            node1.exportTicket("another-key", device.publicKey(), DerivationPath.parse(ED_PATH)),
            node1.exportTicket(keyId, device.publicKey(), DerivationPath.parse("m/8")),
            new byte[0])) {
      ExportTerms terms = node1.authorizedBy(device, keyId, ED_PATH);
      assertRefused(
          "BAD_TICKET",
          Status.Code.PERMISSION_DENIED,
          () ->
              export(
                  node1, Curve.ED25519, keyId, device.publicKey(), BigInteger.ZERO, ticket, terms));
    }
    assertTrue(exportAudit(keyId).isEmpty());
  }

  @Test
  void rejectsAnExportWithoutAUsableDeviceKeyOrOfAnotherSubjectsKey() {
    String keyId = keyId();
    node1.committedEddsaKey(keyId);
    for (byte[] bad : List.of(new byte[0], new byte[31], new byte[32], new byte[257])) {
      assertRefused(
          "PROTOCOL_VIOLATION",
          Status.Code.INVALID_ARGUMENT,
          () ->
              export(
                  node1,
                  Curve.ED25519,
                  keyId,
                  bad,
                  BigInteger.ZERO,
                  node1.exportTicket(keyId, bad, DerivationPath.parse(ED_PATH)),
                  node1.authorizedBy(device, keyId, ED_PATH)));
    }
    Node1 them = new Node1(node2, "customer:2");
    Device theirs = new Device();
    them.enrollPin(theirs);
    assertRefused(
        "UNKNOWN_KEY",
        Status.Code.NOT_FOUND,
        () ->
            export(
                them,
                Curve.ED25519,
                keyId,
                theirs.publicKey(),
                BigInteger.ZERO,
                them.exportTicket(keyId, theirs.publicKey(), DerivationPath.parse(ED_PATH)),
                ExportTerms.unauthorized(ED_PATH)));
    assertFalse(exportAudit(keyId).stream().anyMatch(d -> d.contains("RELEASED")));
  }

  static List<String> exportAudit(String keyId) {
    return exportAuditOf(node2, keyId);
  }

  /** The details of the key's {@code key.export} audit rows, oldest first. */
  static List<String> exportAuditOf(InProcessNode2 node2, String keyId) {
    return node2.db.get(
        () ->
            node2
                .db
                .entityManager()
                .createQuery(
                    "SELECT a.detail FROM AuditRecord a WHERE a.operation = 'key.export'"
                        + " AND a.subject = :key ORDER BY a.sequence",
                    String.class)
                .setParameter("key", keyId)
                .getResultList());
  }

  static String keyId() {
    return "x-" + InProcessNode2.RANDOM.nextLong();
  }
}
