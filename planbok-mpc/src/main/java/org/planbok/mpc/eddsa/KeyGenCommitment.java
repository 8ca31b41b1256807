package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** KeyGen round 1, P1 → P2: P1's commitment to (A1, its DLog proof, cc1). */
record KeyGenCommitment(SessionId sid, Commitment commitment) implements EddsaMessage {
  static final String TYPE = "keygen/commitment";

  @Override
  public byte[] toBytes() {
    return Frame.start(TYPE, sid).bytes(commitment.value()).toBytes();
  }

  public static KeyGenCommitment fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    KeyGenCommitment m =
        new KeyGenCommitment(Frame.sid(r), new Commitment(r.fixedBytes(Commitment.LENGTH)));
    r.end();
    return m;
  }
}
