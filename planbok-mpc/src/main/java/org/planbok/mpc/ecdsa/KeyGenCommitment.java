package org.planbok.mpc.ecdsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** KeyGen round 1, P1 → P2: the commitment to {@code (QA, π_QA, ccA)} (DESIGN §4, Lindell §3.2). */
record KeyGenCommitment(SessionId sid, Commitment commitment) {
  static final int TAG = 0x11;

  public byte[] toBytes() {
    return Codec.message(TAG, sid).bytes(commitment.value()).toBytes();
  }

  public static KeyGenCommitment fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    Commitment c = new Commitment(in.fixedBytes(Commitment.LENGTH));
    in.end();
    return new KeyGenCommitment(sid, c);
  }
}
