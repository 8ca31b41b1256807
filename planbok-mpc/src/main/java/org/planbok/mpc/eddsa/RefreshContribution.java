package org.planbok.mpc.eddsa;

import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Refresh round 2, P2 → P1: P2's 32 random bytes δ2. */
record RefreshContribution(SessionId sid, byte[] contribution) implements EddsaMessage {
  static final String TYPE = "refresh/contribution";
  public static final int LENGTH = 32;

  public RefreshContribution {
    contribution = requireContribution(contribution);
  }

  @Override
  public byte[] contribution() {
    return contribution.clone();
  }

  @Override
  public byte[] toBytes() {
    return Frame.start(TYPE, sid).bytes(contribution).toBytes();
  }

  public static RefreshContribution fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    RefreshContribution m = new RefreshContribution(Frame.sid(r), r.fixedBytes(LENGTH));
    r.end();
    return m;
  }

  static byte[] requireContribution(byte[] c) {
    if (c == null || c.length != LENGTH) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "refresh contribution is 32 bytes");
    }
    return c.clone();
  }
}
