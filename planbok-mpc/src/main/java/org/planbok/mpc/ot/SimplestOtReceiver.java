package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;
import static org.planbok.mpc.ot.SimplestOt.GROUP;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;

/**
 * The receiver R of the κ {@link SimplestOt} base OTs, played by the extension sender with choice
 * bits Δ (CO15 §3): B_i = b_i·G + Δ_i·A, key k_{Δ_i} = H(i, A, B_i, b_i·A).
 *
 * <p>Δ is the secret that guards every extended transfer, so no branch depends on it: both
 * candidates b_i·G and b_i·G + A are computed and encoded, and Δ_i only indexes the pair.
 */
final class SimplestOtReceiver {
  /** The points sent, and the one key of each OT that R learns. */
  record Choices(List<EdPoint> points, byte[][] keys) {
    @Override
    public String toString() {
      return "SimplestOtReceiver.Choices[" + points.size() + " points, keys redacted]";
    }
  }

  private SimplestOtReceiver() {}

  /** Chooses Δ_i in base OT i, for every i, against the sender's validated offer A. */
  static Choices choose(SessionId sid, EdPoint offer, Delta delta, SecureRandom random) {
    byte[] offerBytes = offer.encode();
    List<EdPoint> points = new ArrayList<>(KAPPA);
    byte[][] keys = new byte[KAPPA][];
    EdPoint[] candidates = new EdPoint[2];
    for (int i = 0; i < KAPPA; i++) {
      BigInteger b = GROUP.randomScalar(random);
      candidates[0] = GROUP.multiplyGenerator(b);
      candidates[1] = GROUP.add(candidates[0], offer);
      candidates[0].encode();
      candidates[1].encode();
      EdPoint chosen = candidates[delta.bit(i)];
      points.add(chosen);
      keys[i] = SimplestOt.key(sid, i, offerBytes, chosen.encode(), GROUP.multiply(offer, b));
    }
    candidates[0] = null;
    candidates[1] = null;
    return new Choices(List.copyOf(points), keys);
  }
}
