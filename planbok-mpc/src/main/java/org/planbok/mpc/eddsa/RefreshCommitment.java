package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Refresh round 1, P1 → P2: P1's commitment to its contribution δ1 and its view of the key. */
record RefreshCommitment(SessionId sid, Commitment commitment) implements EddsaMessage {
  static final String TYPE = "refresh/commitment";

  @Override
  public byte[] toBytes() {
    return Frame.start(TYPE, sid).bytes(commitment.value()).toBytes();
  }

  public static RefreshCommitment fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    RefreshCommitment m =
        new RefreshCommitment(Frame.sid(r), new Commitment(r.fixedBytes(Commitment.LENGTH)));
    r.end();
    return m;
  }
}
