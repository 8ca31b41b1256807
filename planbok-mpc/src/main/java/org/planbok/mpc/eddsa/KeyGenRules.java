package org.planbok.mpc.eddsa;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.transcript.Transcript;

/** Labels and derived values both key-generation parties must compute identically. */
final class KeyGenRules {
  static final String COMMIT_LABEL = "eddsa/keygen/share/ed25519";
  static final byte[] PROOF_AUX = "planbok/eddsa/keygen/share".getBytes(StandardCharsets.UTF_8);

  private KeyGenRules() {}

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
