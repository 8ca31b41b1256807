package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Round 2, extension sender → extension receiver: B_i = b_i·G + Δ_i·A for the κ = 128 base OTs
 * (CO15 §3). On the wire one field of 128 × 32 bytes.
 *
 * @param points B_0 … B_127; each decoded strictly, so in the prime-order subgroup, not the
 *     identity
 */
public record BaseOtChoices(SessionId sid, List<EdPoint> points) implements OtMessage {
  static final String TYPE = "base-choices";

  public BaseOtChoices {
    OtFrame.requireSid(sid);
    if (points == null || points.size() != KAPPA) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "expected " + KAPPA + " base-OT points");
    }
    for (EdPoint p : points) {
      OtFrame.requirePoint(p, "B_i");
    }
    points = List.copyOf(points);
  }

  @Override
  public byte[] toBytes() {
    return OtFrame.start(TYPE, sid).bytes(encoded()).toBytes();
  }

  public static BaseOtChoices fromBytes(byte[] bytes) {
    WireReader r = OtFrame.open(bytes, TYPE);
    SessionId sid = OtFrame.sid(r);
    byte[] all = r.fixedBytes(KAPPA * Ed25519.POINT_BYTES);
    r.end();
    List<EdPoint> points = new ArrayList<>(KAPPA);
    for (int i = 0; i < KAPPA; i++) {
      int from = i * Ed25519.POINT_BYTES;
      points.add(OtFrame.point(Arrays.copyOfRange(all, from, from + Ed25519.POINT_BYTES)));
    }
    return new BaseOtChoices(sid, points);
  }

  /** B_0 ‖ … ‖ B_127, as sent and as hashed into the consistency check. */
  byte[] encoded() {
    byte[] out = new byte[KAPPA * Ed25519.POINT_BYTES];
    for (int i = 0; i < KAPPA; i++) {
      System.arraycopy(
          points.get(i).encode(), 0, out, i * Ed25519.POINT_BYTES, Ed25519.POINT_BYTES);
    }
    return out;
  }
}
