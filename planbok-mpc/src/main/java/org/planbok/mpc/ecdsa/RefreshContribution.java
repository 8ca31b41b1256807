package org.planbok.mpc.ecdsa;

import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Refresh round 2, P2 → P1: P2's randomness δB, sent after P1 committed to δA. */
record RefreshContribution(SessionId sid, byte[] deltaB) {
  static final int TAG = 0x32;
  static final int DELTA_BYTES = 32;

  public RefreshContribution {
    deltaB = Codec.requireLength(deltaB, DELTA_BYTES, "δB");
  }

  @Override
  public byte[] deltaB() {
    return deltaB.clone();
  }

  public byte[] toBytes() {
    return Codec.message(TAG, sid).bytes(deltaB).toBytes();
  }

  public static RefreshContribution fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    byte[] delta = in.fixedBytes(DELTA_BYTES);
    in.end();
    return new RefreshContribution(sid, delta);
  }
}
