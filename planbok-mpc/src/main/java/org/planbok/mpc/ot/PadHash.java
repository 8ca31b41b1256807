package org.planbok.mpc.ot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.planbok.mpc.session.SessionId;

/**
 * The hash that turns a row of the extension matrix into a one-time pad: {@code H(j, r) =
 * SHA-256(label ‖ sid ‖ j ‖ r)[0..16]} (IKNP03 §3, KOS15 Fig. 10 "Transpose and randomize"). The
 * sender pads m0_j with H(j, q_j) and m1_j with H(j, q_j ⊕ Δ); the receiver knows t_j = q_j ⊕ x_j·Δ
 * and so exactly one of the two.
 *
 * <p>The inputs are correlated by Δ and, against a cheating receiver, partly known, so a
 * correlation-robust hash is the minimum; we use SHA-256 as a random oracle, the model KOS15 is
 * proven in. Binding j keeps two transfers with equal rows from sharing a pad; binding the session
 * id keeps pads of different sessions apart. All fields have fixed lengths (label, 32-byte sid,
 * 4-byte j, 16-byte row), so the concatenation is injective without length prefixes.
 */
final class PadHash {
  static final int PAD_BYTES = 16;
  private static final byte[] LABEL = "planbok/v1/ot/pad".getBytes(StandardCharsets.UTF_8);

  private final MessageDigest sha256;
  private final byte[] sid;
  private final byte[] input = new byte[4 + 16];

  PadHash(SessionId sid) {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
    this.sid = sid.bytes();
  }

  /** H(j, (lo, hi)) XORed into {@code out[offset … offset+16)}. */
  void xorPad(int j, long lo, long hi, byte[] out, int offset) {
    input[0] = (byte) (j >>> 24);
    input[1] = (byte) (j >>> 16);
    input[2] = (byte) (j >>> 8);
    input[3] = (byte) j;
    for (int k = 0; k < 8; k++) {
      input[4 + k] = (byte) (lo >>> (8 * k));
      input[12 + k] = (byte) (hi >>> (8 * k));
    }
    sha256.update(LABEL);
    sha256.update(sid);
    sha256.update(input);
    byte[] digest = sha256.digest();
    for (int k = 0; k < PAD_BYTES; k++) {
      out[offset + k] ^= digest[k];
    }
    Arrays.fill(digest, (byte) 0);
    Arrays.fill(input, (byte) 0);
  }
}
