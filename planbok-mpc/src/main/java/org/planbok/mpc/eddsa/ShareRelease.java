package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Export, P1 → P2: Node 2 releases its scalar share a1 so that Node 1 can reconstruct the child key
 * and seal it to the customer's device. Only ever sent under a valid export ticket (DESIGN §4
 * Export); {@link #toString()} never shows the scalar.
 */
public record ShareRelease(SessionId sid, BigInteger a1) implements EddsaMessage {
  static final String TYPE = "export/release";

  @Override
  public byte[] toBytes() {
    return Frame.scalar(Frame.start(TYPE, sid), a1).toBytes();
  }

  /** Aborts with {@code INVALID_SCALAR} when a1 is not below ℓ. */
  public static ShareRelease fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    ShareRelease m = new ShareRelease(Frame.sid(r), Frame.scalar(r, "released share"));
    r.end();
    return m;
  }

  @Override
  public String toString() {
    return "ShareRelease[" + sid + ", redacted]";
  }
}
