package org.planbok.mpc.ecdsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Refresh round 1, P1 → P2: the commitment to P1's randomness δA. */
record RefreshCommitment(SessionId sid, Commitment commitment) {
  static final int TAG = 0x31;

  public byte[] toBytes() {
    return Codec.message(TAG, sid).bytes(commitment.value()).toBytes();
  }

  public static RefreshCommitment fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    Commitment c = new Commitment(in.fixedBytes(Commitment.LENGTH));
    in.end();
    return new RefreshCommitment(sid, c);
  }
}
