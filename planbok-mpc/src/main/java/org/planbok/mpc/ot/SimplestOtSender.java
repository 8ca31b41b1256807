package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;
import static org.planbok.mpc.ot.SimplestOt.GROUP;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;

/**
 * The sender S of the κ {@link SimplestOt} base OTs, played by the extension receiver: it draws a,
 * offers A = a·G, and from the B_i derives both keys of every OT. The scalar a is kept as bytes so
 * it can be wiped; the {@link BigInteger}s the group API needs cannot be, and are dropped at once.
 */
final class SimplestOtSender {
  private final SessionId sid;
  private final byte[] secret;
  private final EdPoint offer;

  SimplestOtSender(SessionId sid, SecureRandom random) {
    this.sid = sid;
    BigInteger a = GROUP.randomScalar(random);
    this.secret = Ed25519.scalarBytes(a);
    this.offer = GROUP.multiplyGenerator(a);
  }

  /** A = a·G. */
  EdPoint offer() {
    return offer;
  }

  /**
   * Both keys of each base OT (CO15 §3): k0_i from a·B_i and k1_i from a·B_i − a·A. The points were
   * validated on decoding; both keys take the same work, whatever the receiver chose.
   *
   * @return {@code keys[0][i]} = k0_i and {@code keys[1][i]} = k1_i
   */
  byte[][][] keys(List<EdPoint> choices) {
    BigInteger a = scalar();
    byte[] offerBytes = offer.encode();
    EdPoint minusAA = GROUP.negate(GROUP.multiply(offer, a));
    byte[][][] keys = new byte[2][KAPPA][];
    for (int i = 0; i < KAPPA; i++) {
      EdPoint b = choices.get(i);
      byte[] choiceBytes = b.encode();
      EdPoint shared = GROUP.multiply(b, a);
      keys[0][i] = SimplestOt.key(sid, i, offerBytes, choiceBytes, shared);
      keys[1][i] = SimplestOt.key(sid, i, offerBytes, choiceBytes, GROUP.add(shared, minusAA));
    }
    return keys;
  }

  void destroy() {
    Arrays.fill(secret, (byte) 0);
  }

  private BigInteger scalar() {
    byte[] be = new byte[secret.length];
    for (int k = 0; k < secret.length; k++) {
      be[k] = secret[secret.length - 1 - k];
    }
    BigInteger a = new BigInteger(1, be);
    Arrays.fill(be, (byte) 0);
    return a;
  }

  @Override
  public String toString() {
    return "SimplestOtSender[redacted]";
  }
}
