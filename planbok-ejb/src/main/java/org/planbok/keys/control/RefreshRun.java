package org.planbok.keys.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaRefreshP2;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaRefreshP2;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's side of a share refresh (DESIGN §4), played over the session's stream: a jointly random
 * δ moves between the shares, the public key stays; for ECDSA Node 2 also rotates its Paillier key
 * and proves the new {@code c_key}. Node 1 checks the opening (and the proofs) before it keeps the
 * new share.
 */
final class RefreshRun {
  private RefreshRun() {}

  static GeneratedShare ecdsa(
      Node2Session node2, EcdsaP2KeyShare share, SessionId sid, KeyId keyId, SecureRandom random) {
    EcdsaRefreshP2 p2 =
        new EcdsaRefreshP2(share, sid, keyId.toString().getBytes(StandardCharsets.UTF_8), random);
    EcdsaP2KeyShare next = node2.play(p2);
    byte[] publicKey = Secp256k1.INSTANCE.encode(next.publicKey());
    KeyGenerationRun.requireSameKey(node2.awaitDone(), publicKey);
    return new GeneratedShare(publicKey, next.chainCode(), next.toBytes());
  }

  static GeneratedShare eddsa(
      Node2Session node2, EddsaKeyShare share, SessionId sid, SecureRandom random) {
    EddsaRefreshP2 p2 = new EddsaRefreshP2(share, sid, random);
    EddsaKeyShare next = node2.play(p2);
    try {
      byte[] publicKey = Ed25519.INSTANCE.encode(next.publicKey());
      KeyGenerationRun.requireSameKey(node2.awaitDone(), publicKey);
      return new GeneratedShare(publicKey, next.chainCode(), next.toBytes());
    } finally {
      next.destroy();
    }
  }
}
