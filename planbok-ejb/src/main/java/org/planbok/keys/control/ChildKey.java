package org.planbok.keys.control;

import java.math.BigInteger;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.DerivedKey;
import org.planbok.mpc.hd.Ed25519Derivation;

/**
 * A child of a joint key (DESIGN §4): its path, its public key, and the tweak that one share adds
 * when the child signs or is exported. secp256k1 children follow BIP32 CKDpub along a non-hardened
 * path; ed25519 children Planbok's one-level additive derivation by index, path {@code m/i}. Node 2
 * is told the path and derives the tweak itself (DESIGN §6).
 *
 * @param path {@code m} for the root key
 * @param publicKey 33-byte compressed secp256k1 or 32-byte ed25519
 */
public record ChildKey(Curve curve, DerivationPath path, byte[] publicKey, BigInteger tweak) {
  public ChildKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The root key itself: no tweak. */
  public static ChildKey root(JointKey key) {
    return new ChildKey(key.curve(), DerivationPath.root(), key.publicKey(), BigInteger.ZERO);
  }

  /** Through {@link ChainCodes#secp256k1}, which opens the chain code for this one derivation. */
  static ChildKey secp256k1(JointKey key, byte[] chainCode, DerivationPath path) {
    requireCurve(key, Curve.SECP256K1);
    DerivedKey derived = Bip32.derive(Secp256k1.INSTANCE.decode(key.publicKey()), chainCode, path);
    return new ChildKey(
        Curve.SECP256K1, path, Secp256k1.INSTANCE.encode(derived.publicKey()), derived.tweak());
  }

  /** Through {@link ChainCodes#ed25519}, which opens the chain code for this one derivation. */
  static ChildKey ed25519(JointKey key, byte[] chainCode, int index) {
    requireCurve(key, Curve.ED25519);
    EdPoint root = Ed25519.INSTANCE.decode(key.publicKey());
    Ed25519Derivation derivation = new Ed25519Derivation(root, chainCode);
    return new ChildKey(
        Curve.ED25519,
        DerivationPath.of(index),
        derivation.childPublicKey(index).encode(),
        derivation.tweak(index));
  }

  private static void requireCurve(JointKey key, Curve curve) {
    if (key.curve() != curve) {
      throw new IllegalArgumentException("key " + key.id() + " is not a " + curve.label() + " key");
    }
  }
}
