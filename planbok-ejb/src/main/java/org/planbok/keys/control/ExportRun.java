package org.planbok.keys.control;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.ExportedKey;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's side of an export (DESIGN §4 Export): Node 2 releases its share under an export ticket;
 * Node 1 checks it against Node 2's public share, reconstructs the child key and checks it against
 * the child public key before anything is sealed to the device.
 */
final class ExportRun {
  private ExportRun() {}

  static ExportedKey ecdsa(
      Node2Session node2,
      EcdsaP2KeyShare share,
      SessionId sid,
      BigInteger tweak,
      ECPoint childKey) {
    ExportedKey key =
        EcdsaKeyExport.reconstruct(
            share,
            sid,
            org.planbok.mpc.ecdsa.ShareRelease.fromBytes(node2.receive()),
            tweak,
            childKey);
    node2.awaitDone();
    return key;
  }

  static EddsaKeyExport eddsa(
      Node2Session node2, EddsaKeyShare share, SessionId sid, BigInteger tweak) {
    EddsaKeyExport key =
        EddsaKeyExport.reconstruct(
            share, sid, org.planbok.mpc.eddsa.ShareRelease.fromBytes(node2.receive()), tweak);
    node2.awaitDone();
    return key;
  }
}
