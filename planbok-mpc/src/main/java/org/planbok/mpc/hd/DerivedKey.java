package org.planbok.mpc.hd;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A child of the joint key: its extended public key and the accumulated tweak {@code t} with child
 * private key {@code x + t mod n}. P2 adds {@code t} to its share when signing or exporting.
 */
public record DerivedKey(ExtendedPublicKey key, BigInteger tweak) {
  public ECPoint publicKey() {
    return key.publicKey();
  }

  @Override
  public String toString() {
    return "DerivedKey[" + key + ", tweak redacted]";
  }
}
