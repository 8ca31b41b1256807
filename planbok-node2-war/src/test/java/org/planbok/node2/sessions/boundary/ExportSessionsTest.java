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
import org.planbok.mpc.ecdsa.ExportedKey;
import org.planbok.mpc.ecdsa.ShareRelease;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * Export over in-process gRPC: Node 2 releases its share for one session under an EXPORT ticket
 * bound to the device key, Node 1 reconstructs the key (root or child) and checks it against the
 * public key; frozen keys and tickets for another device key are refused.
 */
class ExportSessionsTest {
  private static final Secp256k1 K1 = Secp256k1.INSTANCE;
  private static InProcessNode2 node2;
  private static Node1 node1;
  private final byte[] deviceKey = Node1.random(32);

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:1");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void anEcdsaExportReconstructsTheRootKeyAndAChildKey() throws Exception {
    String keyId = keyId();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    for (DerivationPath path : List.of(DerivationPath.root(), DerivationPath.of(44, 60, 0, 0, 7))) {
      BigInteger tweak = Node1.tweak(share, path);
      SessionId sid = Node1.sid();
      Conversation c =
          node1.openExport(
              sid, Curve.SECP256K1, keyId, deviceKey, path, node1.exportTicket(keyId, deviceKey));
      ShareRelease release = ShareRelease.fromBytes(c.receive());
      assertEquals(keyId, c.done().getKeyId());
      String xA = HexFormat.of().formatHex(Secp256k1.scalarBytes(release.xA()));
      assertTrue(allAuditDetails().stream().noneMatch(d -> d.contains(xA)), "no share audited");
      ECPoint child = K1.add(share.publicKey(), K1.multiplyGenerator(tweak));
      ExportedKey key = EcdsaKeyExport.reconstruct(share, sid, release, tweak, child);
      assertEquals(child.normalize(), K1.multiplyGenerator(new BigInteger(1, key.bytes())));
      key.destroy();
    }
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(deviceKey));
    List<String> details = exportAudit(keyId);
    assertEquals(2, details.size());
    assertTrue(details.get(0).contains(hash), details.get(0));
  }

  @Test
  void anEddsaExportReconstructsTheRootKeyAndAChildKey() {
    String keyId = keyId();
    EddsaKeyShare share = node1.committedEddsaKey(keyId);
    for (DerivationPath path : List.of(DerivationPath.root(), DerivationPath.of(7))) {
      BigInteger tweak = Node1.tweak(share, path);
      SessionId sid = Node1.sid();
      Conversation c =
          node1.openExport(
              sid, Curve.ED25519, keyId, deviceKey, path, node1.exportTicket(keyId, deviceKey));
      org.planbok.mpc.eddsa.ShareRelease release =
          org.planbok.mpc.eddsa.ShareRelease.fromBytes(c.receive());
      c.done();
      EddsaKeyExport key = EddsaKeyExport.reconstruct(share, sid, release, tweak);
      Ed25519 g = Ed25519.INSTANCE;
      assertArrayEquals(
          g.encode(g.add(share.publicKey(), g.multiplyGenerator(tweak))), key.publicKey());
      key.destroy();
    }
  }

  @Test
  void anExportAfterARefreshReleasesTheNewGeneration() {
    String keyId = keyId();
    EddsaKeyShare old = node1.committedEddsaKey(keyId);
    SessionId refresh = Node1.sid();
    EddsaKeyShare renewed = node1.eddsaRefresh(refresh, keyId, old, node1.refreshTicket(keyId));
    node1.finalize(keyId, refresh, true);
    SessionId sid = Node1.sid();
    Conversation c =
        node1.openExport(
            sid,
            Curve.ED25519,
            keyId,
            deviceKey,
            DerivationPath.root(),
            node1.exportTicket(keyId, deviceKey));
    org.planbok.mpc.eddsa.ShareRelease release =
        org.planbok.mpc.eddsa.ShareRelease.fromBytes(c.receive());
    EddsaKeyExport.reconstruct(renewed, sid, release, BigInteger.ZERO).destroy();
  }

  @Test
  void rejectsTheExportOfAFrozenKeyAndLeavesTheTicketUnused() {
    String keyId = keyId();
    node1.committedEcdsaKey(keyId);
    node2.db.run(() -> node2.beans.keyShares.freeze(KeyId.of(keyId), "joint signature failed"));
    byte[] ticket = node1.exportTicket(keyId, deviceKey);
    assertRefused(
        "KEY_FROZEN",
        Status.Code.FAILED_PRECONDITION,
        () -> export(Curve.SECP256K1, keyId, deviceKey, ticket));
    node2.db.run(() -> node2.beans.keyShares.unfreeze(KeyId.of(keyId), "operator"));
    export(Curve.SECP256K1, keyId, deviceKey, ticket);
    assertTrue(exportAudit(keyId).size() == 1, "only the export that happened is recorded");
  }

  @Test
  void rejectsAnExportTicketForAnotherDeviceKeyOrOperation() {
    String keyId = keyId();
    node1.committedEddsaKey(keyId);
    byte[] otherDevice = Node1.random(32);
    for (byte[] ticket :
        List.of(
            node1.exportTicket(keyId, otherDevice),
            node1.signTicket(keyId, "ed25519", deviceKey),
            node1.exportTicket("another-key", deviceKey),
            new byte[0])) {
      assertRefused(
          "BAD_TICKET",
          Status.Code.PERMISSION_DENIED,
          () -> export(Curve.ED25519, keyId, deviceKey, ticket));
    }
    assertTrue(exportAudit(keyId).isEmpty());
  }

  @Test
  void rejectsAnExportWithoutADeviceKeyOrOfAnotherSubjectsKey() {
    String keyId = keyId();
    node1.committedEddsaKey(keyId);
    for (byte[] device : List.of(new byte[0], new byte[257])) {
      assertRefused(
          "PROTOCOL_VIOLATION",
          Status.Code.INVALID_ARGUMENT,
          () -> export(Curve.ED25519, keyId, device, node1.exportTicket(keyId, device)));
    }
    Node1 them = new Node1(node2, "customer:2");
    assertRefused(
        "UNKNOWN_KEY",
        Status.Code.NOT_FOUND,
        () ->
            them.openExport(
                    Node1.sid(),
                    Curve.ED25519,
                    keyId,
                    deviceKey,
                    DerivationPath.root(),
                    them.exportTicket(keyId, deviceKey))
                .receive());
    assertFalse(exportAudit(keyId).stream().anyMatch(d -> d.contains("RELEASED")));
  }

  private static byte[] export(Curve curve, String keyId, byte[] device, byte[] ticket) {
    Conversation c =
        node1.openExport(Node1.sid(), curve, keyId, device, DerivationPath.root(), ticket);
    byte[] release = c.receive();
    c.done();
    return release;
  }

  private static List<String> exportAudit(String keyId) {
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

  private static List<String> allAuditDetails() {
    return node2.db.get(
        () ->
            node2
                .db
                .entityManager()
                .createQuery("SELECT a.detail FROM AuditRecord a", String.class)
                .getResultList());
  }

  private static String keyId() {
    return "x-" + InProcessNode2.RANDOM.nextLong();
  }
}
