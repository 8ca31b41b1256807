package org.planbok.wallet.chain;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** A whole ed25519 key (RFC 8032 seed) for tests, signing with BouncyCastle. */
public record Ed25519TestKey(byte[] seed) {
  public static Ed25519TestKey random() {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return new Ed25519TestKey(seed);
  }

  public Ed25519Key publicKey() {
    byte[] pk = new byte[32];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    return new Ed25519Key(pk);
  }

  public byte[] sign(byte[] message) {
    byte[] sig = new byte[64];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    return sig;
  }
}
