package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Sign round 1, P2 → P1: P2's commitment to its nonce point R2 and its view of the key. */
record SignCommitment(SessionId sid, Commitment commitment) implements EddsaMessage {
  static final String TYPE = "sign/commitment";

  @Override
  public byte[] toBytes() {
    return Frame.start(TYPE, sid).bytes(commitment.value()).toBytes();
  }

  public static SignCommitment fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    SignCommitment m =
        new SignCommitment(Frame.sid(r), new Commitment(r.fixedBytes(Commitment.LENGTH)));
    r.end();
    return m;
  }
}
