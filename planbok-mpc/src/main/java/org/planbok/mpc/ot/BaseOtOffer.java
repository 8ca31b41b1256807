package org.planbok.mpc.ot;

import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Round 1, extension receiver → extension sender: A = a·G, the base-OT sender's offer (CO15 §3).
 *
 * @param offer A; decoded strictly, so in the prime-order subgroup and not the identity
 */
public record BaseOtOffer(SessionId sid, EdPoint offer) implements OtMessage {
  static final String TYPE = "base-offer";

  public BaseOtOffer {
    OtFrame.requireSid(sid);
    OtFrame.requirePoint(offer, "A");
  }

  @Override
  public byte[] toBytes() {
    return OtFrame.start(TYPE, sid).bytes(offer.encode()).toBytes();
  }

  public static BaseOtOffer fromBytes(byte[] bytes) {
    WireReader r = OtFrame.open(bytes, TYPE);
    SessionId sid = OtFrame.sid(r);
    EdPoint offer = OtFrame.point(r.fixedBytes(Ed25519.POINT_BYTES));
    r.end();
    return new BaseOtOffer(sid, offer);
  }
}
