package org.planbok.mpc.ecdsa;

import org.planbok.mpc.transcript.Transcript;

/**
 * The aux bytes that bind every keygen and refresh proof to the protocol and the caller's key id.
 */
final class KeyGenAux {
  static final int MAX_KEY_ID_BYTES = 64;

  private KeyGenAux() {}

  static byte[] of(String protocol, byte[] keyId) {
    if (keyId == null || keyId.length == 0 || keyId.length > MAX_KEY_ID_BYTES) {
      throw new IllegalArgumentException("key id must be 1 to 64 bytes");
    }
    return Transcript.start(protocol).append("curve", "secp256k1").append("keyId", keyId).digest();
  }
}
