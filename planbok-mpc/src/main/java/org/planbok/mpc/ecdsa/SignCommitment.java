package org.planbok.mpc.ecdsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Sign round 1, P1 → P2: the commitment to {@code R1 = k1·G} and its proof (Lindell 2017 §3.3). */
record SignCommitment(SessionId sid, Commitment commitment) {
  static final int TAG = 0x21;

  public byte[] toBytes() {
    return Codec.message(TAG, sid).bytes(commitment.value()).toBytes();
  }

  public static SignCommitment fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    Commitment c = new Commitment(in.fixedBytes(Commitment.LENGTH));
    in.end();
    return new SignCommitment(sid, c);
  }
}
