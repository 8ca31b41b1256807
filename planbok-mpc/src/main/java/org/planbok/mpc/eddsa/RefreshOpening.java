package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Refresh round 3, P1 → P2: δ1 and the randomness ρ opening P1's round-1 commitment. */
record RefreshOpening(SessionId sid, byte[] contribution, byte[] randomness)
    implements EddsaMessage {
  static final String TYPE = "refresh/opening";

  public RefreshOpening {
    contribution = RefreshContribution.requireContribution(contribution);
    randomness = new Commitment.Opening(new byte[0], randomness).randomness();
  }

  @Override
  public byte[] contribution() {
    return contribution.clone();
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  @Override
  public byte[] toBytes() {
    return Frame.start(TYPE, sid).bytes(contribution).bytes(randomness).toBytes();
  }

  public static RefreshOpening fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    RefreshOpening m =
        new RefreshOpening(
            Frame.sid(r),
            r.fixedBytes(RefreshContribution.LENGTH),
            r.fixedBytes(Commitment.RANDOMNESS_LENGTH));
    r.end();
    return m;
  }
}
