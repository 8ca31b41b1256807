package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.Curve;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.Device;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;
import org.planbok.node2.testing.Node1.ExportTerms;

/**
 * Issue 12 item 5, "one export hands Node 1 the root key", played by Node 1 during an export: it
 * keeps every frame Node 2 sends it and looks, at every byte offset, for a 32-byte value (big- or
 * little-endian) that is Node 2's share, checked against Node 2's public share, which Node 1 knows;
 * or that with Node 1's own share gives the root key. With the root and the chain code it would
 * derive every sibling wallet. Node 2 must send only the mask and its part sealed to the device,
 * for customers and organizations alike.
 */
class ExportHandsNode1NoShareTest {
  private static final Secp256k1 K1 = Secp256k1.INSTANCE;
  private static final Ed25519 ED = Ed25519.INSTANCE;
  private static final String PATH = "m/44/60/0/0/0";
  // ed25519 derives one level below the root.
  private static final String ED_PATH = "m/0";
  private static InProcessNode2 node2;
  private static final Device device = new Device();

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void noFrameOfAnOrganizationsExportCarriesNode2sShare() {
    Node1 node1 = new Node1(node2, "organization:acme");
    assertNoEcdsaShareIn(node1, ExportTerms.unauthorized(PATH), false);
    assertNoEddsaShareIn(node1, ExportTerms.unauthorized(ED_PATH), false);
  }

  @Test
  void noFrameOfACustomersExportCarriesNode2sShare() {
    Node1 node1 = new Node1(node2, "customer:ada");
    node1.enrollPin(device);
    assertNoEcdsaShareIn(node1, null, true);
    assertNoEddsaShareIn(node1, null, true);
  }

  private static void assertNoEcdsaShareIn(Node1 node1, ExportTerms terms, boolean authorize) {
    String keyId = "k1-" + InProcessNode2.RANDOM.nextLong();
    EcdsaP2KeyShare mine = node1.committedEcdsaKey(keyId);
    for (byte[] frame : frames(node1, Curve.SECP256K1, keyId, terms, authorize)) {
      for (BigInteger w : windows(frame)) {
        BigInteger s = w.mod(Secp256k1.N);
        ECPoint sG = K1.multiplyGenerator(s).normalize();
        assertNotEquals(mine.publicShareA().normalize(), sG, "a frame carries xA");
        assertNotEquals(
            mine.publicKey().normalize(),
            K1.multiplyGenerator(s.add(mine.xB()).mod(Secp256k1.N)).normalize(),
            "a frame gives Node 1 the root key");
      }
    }
  }

  private static void assertNoEddsaShareIn(Node1 node1, ExportTerms terms, boolean authorize) {
    String keyId = "ed-" + InProcessNode2.RANDOM.nextLong();
    EddsaKeyShare mine = node1.committedEddsaKey(keyId);
    EdPoint a1 = mine.p1PublicShare();
    for (byte[] frame : frames(node1, Curve.ED25519, keyId, terms, authorize)) {
      for (BigInteger w : windows(frame)) {
        assertFalse(ED.same(a1, ED.multiplyGenerator(w.mod(Ed25519.L))), "a frame carries a1");
      }
    }
  }

  /** Every frame Node 2 sends Node 1 in one export, each as its bytes on the wire. */
  private static List<byte[]> frames(
      Node1 node1, Curve curve, String keyId, ExportTerms terms, boolean authorize) {
    String path = curve == Curve.ED25519 ? ED_PATH : PATH;
    ExportTerms used = authorize ? node1.authorizedBy(device, keyId, path) : terms;
    Conversation c =
        node1.openExport(
            Node1.sid(),
            curve,
            keyId,
            device.publicKey(),
            BigInteger.ZERO,
            node1.exportTicket(keyId, device.publicKey(), DerivationPath.parse(used.path())),
            used);
    List<byte[]> frames = new ArrayList<>();
    frames.add(c.receive());
    frames.add(c.done().toByteArray());
    return frames;
  }

  /** Each 32-byte window of the frame, read big-endian and little-endian. */
  private static List<BigInteger> windows(byte[] frame) {
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i + 32 <= frame.length; i++) {
      byte[] w = Arrays.copyOfRange(frame, i, i + 32);
      out.add(new BigInteger(1, w));
      byte[] le = new byte[32];
      for (int j = 0; j < 32; j++) {
        le[j] = w[31 - j];
      }
      out.add(new BigInteger(1, le));
    }
    return out;
  }
}
