package org.planbok.keys.control;

import java.math.BigInteger;
import org.planbok.keys.entity.Curve;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's side of an export (DESIGN §4 Export; issue 12 item 5, masked release): Node 2 sends a
 * fresh mask ρ and ends with its part {@code xA + ρ} sealed to the device; Node 1 computes its own
 * part {@code xB + t − ρ}. Node 1 never sees Node 2's share, so it never holds the key; only the
 * device, adding the parts, checks the result against the child public key.
 */
final class ExportRun {
  private ExportRun() {}

  static ExportParts ecdsa(
      Node2Session node2,
      EcdsaP2KeyShare share,
      SessionId sid,
      BigInteger tweak,
      byte[] childPublicKey) {
    ExportMask mask = ExportMask.fromBytes(node2.receive());
    byte[] m1 = EcdsaKeyExport.node1Part(share, sid, mask, tweak);
    return new ExportParts(Curve.SECP256K1, m1, sealedPart(node2, false), childPublicKey);
  }

  static ExportParts eddsa(
      Node2Session node2,
      EddsaKeyShare share,
      SessionId sid,
      BigInteger tweak,
      byte[] childPublicKey) {
    ExportMask mask = ExportMask.fromBytes(node2.receive());
    byte[] m1 = EddsaKeyExport.node1Part(share, sid, mask, tweak);
    // Node 2 releases a seed only for a seed key at its root; Node 1 follows what its mask says,
    // and the device refuses parts that do not belong together.
    boolean seed = mask.hasSeedMask();
    if (seed && (!share.hasSeedShare() || tweak.signum() != 0)) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "Node 2 sent a seed mask for a key or path without seed");
    }
    byte[] seedPart = seed ? EddsaKeyExport.node1SeedPart(share, sid, mask) : null;
    return new ExportParts(Curve.ED25519, m1, seedPart, sealedPart(node2, seed), childPublicKey);
  }

  private static byte[] sealedPart(Node2Session node2, boolean seed) {
    byte[] sealed = node2.awaitDone().devicePart();
    // enc, then the AES-256-GCM of 0x01 ‖ curve ‖ 32 bytes (0x02 ‖ curve ‖ 32 ‖ 32 with a seed)
    if (sealed.length != ExportHpke.ENC_BYTES + (seed ? 66 : 34) + ExportHpke.TAG_BYTES) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "Node 2's sealed part has the wrong length");
    }
    return sealed;
  }
}
