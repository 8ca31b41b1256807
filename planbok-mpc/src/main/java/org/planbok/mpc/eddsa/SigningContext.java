package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.wire.WireWriter;

/**
 * What both signers must agree on: the share, the message M, the tweak t and the child key A' = A +
 * t·B. The nonce commitment binds this view, so two parties holding shares of different generations
 * (one refreshed, one not) or asked to sign different messages stop before P1 releases its partial
 * signature.
 */
final class SigningContext {
  private static final Ed25519 G = Ed25519.INSTANCE;

  final EddsaKeyShare share;
  final byte[] message;
  final BigInteger tweak;
  final EdPoint childKey;
  final byte[] childKeyBytes;

  SigningContext(EddsaKeyShare share, byte[] message, BigInteger tweak) {
    if (tweak.signum() < 0 || tweak.compareTo(Ed25519.L) >= 0) {
      throw new IllegalArgumentException("tweak must be in [0, ℓ)");
    }
    this.share = share;
    this.message = message.clone();
    this.tweak = tweak;
    this.childKey =
        tweak.signum() == 0
            ? share.publicKey()
            : G.add(share.publicKey(), G.multiplyGenerator(tweak));
    if (G.isIdentity(childKey)) {
      throw new IllegalArgumentException("tweak cancels the public key");
    }
    this.childKeyBytes = childKey.encode();
  }

  /** RFC 8032 §5.1.6 step 4: k = SHA-512(R ‖ A' ‖ M) mod ℓ. */
  BigInteger challenge(byte[] r) {
    MessageDigest h = HedgedNonce.sha512();
    h.update(r);
    h.update(childKeyBytes);
    h.update(message);
    return Ed25519.reduce(h.digest());
  }

  /** The payload of P2's nonce commitment: this view of the key and message, then R2. */
  byte[] noncePayload(EdPoint r2) {
    return new WireWriter()
        .bytes(childKeyBytes)
        .bytes(share.p1PublicShare().encode())
        .bytes(share.p2PublicShare().encode())
        .bytes(HedgedNonce.sha512().digest(message))
        .bytes(r2.encode())
        .toBytes();
  }
}
