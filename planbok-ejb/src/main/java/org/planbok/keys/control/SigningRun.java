package org.planbok.keys.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP2;
import org.planbok.mpc.eddsa.EddsaSignature;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's side of a signing session, played over the session's stream ({@link Node2Session#play}).
 * Both P2 parties verify the joint signature under the child key with a standard verifier before
 * they return it (ECDSA: BouncyCastle and public key recovery; EdDSA: BouncyCastle's RFC 8032), so
 * a signature that leaves this class is valid.
 */
final class SigningRun {
  private SigningRun() {}

  /**
   * Lindell 2017 §3.3, P2's side: Node 2 commits to R1 first, decrypts c3 and verifies. {@code
   * masks} gives the Paillier mask for c3, each one fresh ({@link PaillierMasks}).
   */
  static EcdsaSignature ecdsa(
      Node2Session node2,
      EcdsaP2KeyShare share,
      SessionId sid,
      KeyId keyId,
      byte[] digest,
      BigInteger tweak,
      SecureRandom random,
      Supplier<BigInteger> masks) {
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.toString().getBytes(StandardCharsets.UTF_8), digest, tweak),
            random,
            masks);
    EcdsaSignature signature = node2.play(p2);
    node2.awaitDone();
    return signature;
  }

  /** Two-party EdDSA (DESIGN §4), P2's side: Node 1 commits to R2 first and assembles s. */
  static EddsaSignature eddsa(
      Node2Session node2,
      EddsaKeyShare share,
      SessionId sid,
      byte[] message,
      BigInteger tweak,
      SecureRandom random) {
    EddsaSignP2 p2 = new EddsaSignP2(share, sid, message, tweak, random);
    EddsaSignature signature = node2.play(p2);
    node2.awaitDone();
    return signature;
  }
}
