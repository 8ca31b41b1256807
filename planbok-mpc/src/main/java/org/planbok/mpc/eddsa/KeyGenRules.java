package org.planbok.mpc.eddsa;

import java.security.SecureRandom;
import org.planbok.mpc.transcript.Transcript;

/** Labels and derived values both key-generation parties must compute identically. */
final class KeyGenRules {
  static final String COMMIT_LABEL = "eddsa/keygen/share/ed25519";
  static final int MAX_KEY_ID_BYTES = 64;

  private KeyGenRules() {}

  /**
   * The aux bytes every keygen DLog proof binds, as ECDSA's {@code KeyGenAux}: the protocol, the
   * curve and the caller's key id, so a proof made for one key is refused for another. {@code
   * SHA-256(item("domain","planbok/v1/eddsa/keygen/share") ‖ item("curve","ed25519") ‖
   * item("keyId",keyId))}.
   */
  static byte[] proofAux(byte[] keyId) {
    if (keyId == null || keyId.length == 0 || keyId.length > MAX_KEY_ID_BYTES) {
      throw new IllegalArgumentException("key id must be 1 to 64 bytes");
    }
    return Transcript.start("eddsa/keygen/share")
        .append("curve", "ed25519")
        .append("keyId", keyId)
        .digest();
  }

  /**
   * The joint chain code, DESIGN §4 {@code cc = SHA-256(cc1 ‖ cc2)} written as an injective {@link
   * Transcript}: SHA-256 over {@code item("domain","planbok/v1/eddsa/keygen/chain-code") ‖
   * item("cc1",cc1) ‖ item("cc2",cc2)}, each item {@code u32be(len(label)) ‖ label ‖
   * u32be(len(value)) ‖ value}.
   */
  static byte[] chainCode(byte[] cc1, byte[] cc2) {
    return Transcript.start("eddsa/keygen/chain-code")
        .append("cc1", cc1)
        .append("cc2", cc2)
        .digest();
  }

  static byte[] randomBytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
