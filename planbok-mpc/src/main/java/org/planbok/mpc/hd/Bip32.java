package org.planbok.mpc.hd;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;

/**
 * BIP-0032 §"Public parent key → public child key" (CKDpub) from the joint key, accumulating the
 * tweak so that the child private key is {@code x + t mod n} without either node knowing x.
 */
public final class Bip32 {
  private Bip32() {}

  /** Derives {@code path} below the joint root {@code (Q, cc)}. */
  public static DerivedKey derive(ECPoint jointKey, byte[] chainCode, DerivationPath path) {
    return derive(ExtendedPublicKey.root(jointKey, chainCode), path);
  }

  /** Derives {@code path} below any extended public key. */
  public static DerivedKey derive(ExtendedPublicKey parent, DerivationPath path) {
    ExtendedPublicKey key = parent;
    BigInteger tweak = BigInteger.ZERO;
    for (int index : path.indices()) {
      Step step = ckdPub(key, index);
      tweak = tweak.add(step.il()).mod(Secp256k1.N);
      key = step.child();
    }
    return new DerivedKey(key, tweak);
  }

  /** One CKDpub step. */
  public static ExtendedPublicKey child(ExtendedPublicKey parent, int index) {
    return ckdPub(parent, index).child();
  }

  private record Step(BigInteger il, ExtendedPublicKey child) {}

  /**
   * CKDpub: I_L, I_R from the HMAC; K_i = I_L·G + K_par, c_i = I_R. Rejects hardened indices, I_L ≥
   * n and K_i at infinity (BIP32: proceed with the next index).
   */
  private static Step ckdPub(ExtendedPublicKey parent, int index) {
    DerivationPath.requireNonHardened(index);
    if (parent.depth() == DerivationPath.MAX_DEPTH) {
      throw new IllegalArgumentException("BIP32 depth cannot exceed 255");
    }
    byte[] i = hmac(parent, index);
    BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
    if (il.compareTo(Secp256k1.N) >= 0) {
      throw invalidChild(index);
    }
    ECPoint k = Secp256k1.INSTANCE.multiplyGenerator(il).add(parent.publicKey()).normalize();
    if (k.isInfinity()) {
      throw invalidChild(index);
    }
    ExtendedPublicKey child =
        new ExtendedPublicKey(
            parent.depth() + 1, parent.fingerprint(), index, Arrays.copyOfRange(i, 32, 64), k);
    return new Step(il, child);
  }

  /** I = HMAC-SHA512(Key = c_par, Data = serP(K_par) ‖ ser32(i)). */
  private static byte[] hmac(ExtendedPublicKey parent, int index) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(parent.chainCode(), "HmacSHA512"));
      mac.update(parent.encodedKey());
      mac.update(ByteBuffer.allocate(4).putInt(index).array());
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is required by the JDK", e);
    }
  }

  private static IllegalArgumentException invalidChild(int index) {
    return new IllegalArgumentException(
        "BIP32 child " + index + " is invalid (probability below 2^-127); use the next index");
  }
}
