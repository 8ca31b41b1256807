package org.planbok.wallet.chain;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An ed25519 public key as the ed25519 chains carry it: the 32-byte RFC 8032 encoding. Signatures
 * are checked with BouncyCastle's RFC 8032 verifier before a signed artifact is assembled, so a
 * wrong signature never leaves as a transaction.
 */
public record Ed25519Key(byte[] encoded) {
  public static final int LENGTH = 32;

  public Ed25519Key {
    if (encoded == null || encoded.length != LENGTH) {
      throw new ChainFormatException("publicKey", "an ed25519 public key is 32 bytes");
    }
    if (!Ed25519.validatePublicKeyFull(encoded, 0)) {
      throw new ChainFormatException("publicKey", "not a valid ed25519 public key");
    }
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /** RFC 8032 §5.1.7 verification of a 64-byte signature over {@code message}. */
  public boolean verifies(byte[] signature, byte[] message) {
    return signature != null
        && signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, encoded, 0, message, 0, message.length);
  }

  /** Throws unless {@code signature} verifies; a failure here is a signing fault, not input. */
  public void requireSignature(byte[] signature, byte[] message) {
    if (!verifies(signature, message)) {
      throw new IllegalArgumentException("ed25519 signature does not verify for the key");
    }
  }

  public boolean matches(byte[] other) {
    return java.security.MessageDigest.isEqual(encoded, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Key k && java.util.Arrays.equals(encoded, k.encoded);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Ed25519Key[" + java.util.HexFormat.of().formatHex(encoded) + "]";
  }
}
