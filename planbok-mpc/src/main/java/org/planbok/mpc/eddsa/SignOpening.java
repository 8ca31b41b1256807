package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Sign round 3, P2 → P1: R2 and the randomness ρ opening P2's round-1 commitment. */
record SignOpening(SessionId sid, EdPoint nonce, byte[] randomness) implements EddsaMessage {
  static final String TYPE = "sign/opening";

  public SignOpening {
    randomness = new Commitment.Opening(new byte[0], randomness).randomness();
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  @Override
  public byte[] toBytes() {
    return Frame.point(Frame.start(TYPE, sid), nonce).bytes(randomness).toBytes();
  }

  public static SignOpening fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    SignOpening m =
        new SignOpening(Frame.sid(r), Frame.point(r), r.fixedBytes(Commitment.RANDOMNESS_LENGTH));
    r.end();
    return m;
  }
}
