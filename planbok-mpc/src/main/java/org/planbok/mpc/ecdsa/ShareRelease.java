package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Export, P1 → P2: Node 2 releases {@code xA} so that Node 1 can reconstruct the key and seal it to
 * the customer's device. Only ever sent under a valid export ticket (DESIGN §4 Export).
 */
public record ShareRelease(SessionId sid, BigInteger xA) {
  static final int TAG = 0x41;

  public ShareRelease {
    Codec.GROUP.requireNonZeroScalar(xA, "xA");
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writeScalar(out, xA);
    return out.toBytes();
  }

  public static ShareRelease fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    BigInteger xA = Codec.readScalar(in, "xA");
    in.end();
    return new ShareRelease(sid, xA);
  }

  @Override
  public String toString() {
    return "ShareRelease[" + sid + ", redacted]";
  }
}
