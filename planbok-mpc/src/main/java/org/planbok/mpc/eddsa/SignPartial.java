package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Sign round 4, P1 → P2: P1's partial signature s1 = r1 + k·a1 mod ℓ. */
record SignPartial(SessionId sid, BigInteger partial) implements EddsaMessage {
  static final String TYPE = "sign/partial";

  @Override
  public byte[] toBytes() {
    return Frame.scalar(Frame.start(TYPE, sid), partial).toBytes();
  }

  /** Aborts with {@code INVALID_SCALAR} when s1 is not below ℓ. */
  public static SignPartial fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    SignPartial m = new SignPartial(Frame.sid(r), Frame.scalar(r, "partial signature"));
    r.end();
    return m;
  }
}
