package org.planbok.keys.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.SeedKeyGenP2;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2client.Node2Refused;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's side of a key generation, as P2 (DESIGN §4), played over the session's stream: Node 2
 * commits first, Node 1 answers with its share and proof, Node 2 opens; Node 1 checks everything
 * before it keeps anything, and the public key Node 2 reports must be the one Node 1 computed.
 */
final class KeyGenerationRun {
  private KeyGenerationRun() {}

  static GeneratedShare run(
      Node2Session node2, Curve curve, SessionId sid, KeyId keyId, SecureRandom random) {
    return switch (curve) {
      case SECP256K1 -> ecdsa(node2, sid, keyId, random);
      case ED25519 -> eddsa(node2, sid, keyId, random);
    };
  }

  /** Lindell 2017 §3.2 with additive shares, P2's side. */
  private static GeneratedShare ecdsa(
      Node2Session node2, SessionId sid, KeyId keyId, SecureRandom random) {
    EcdsaKeyGenP2 p2 =
        new EcdsaKeyGenP2(sid, keyId.toString().getBytes(StandardCharsets.UTF_8), random);
    EcdsaP2KeyShare share = node2.play(p2);
    byte[] publicKey = Secp256k1.INSTANCE.encode(share.publicKey());
    requireSameKey(node2.awaitDone(), publicKey);
    return new GeneratedShare(publicKey, share.chainCode(), share.toBytes());
  }

  /**
   * Two-party ed25519 key generation from a joint seed (issue 13; {@code SeedKeyGenP1}), P2's side:
   * Node 2 speaks first and last, nine messages in all.
   */
  private static GeneratedShare eddsa(
      Node2Session node2, SessionId sid, KeyId keyId, SecureRandom random) {
    SeedKeyGenP2 p2 =
        new SeedKeyGenP2(sid, keyId.toString().getBytes(StandardCharsets.UTF_8), random);
    EddsaKeyShare share = node2.play(p2);
    try {
      byte[] publicKey = Ed25519.INSTANCE.encode(share.publicKey());
      requireSameKey(node2.awaitDone(), publicKey);
      return new GeneratedShare(publicKey, share.chainCode(), share.toBytes());
    } finally {
      share.destroy();
    }
  }

  static void requireSameKey(Node2Session.Done done, byte[] publicKey) {
    if (!MessageDigest.isEqual(done.publicKey(), publicKey)) {
      throw new Node2Refused(
          RefusalReason.PROTOCOL_VIOLATION,
          "Node 2 reported another public key than the protocol gave");
    }
  }
}
