package org.planbok.mpc.eddsa;

import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/** KeyGen round 3, P1 → P2: P1 opens its commitment to (A1, proof, cc1) with randomness ρ. */
record KeyGenOpening(
    SessionId sid, EdPoint publicShare, DlogProof proof, byte[] chainCodePart, byte[] randomness)
    implements EddsaMessage {
  static final String TYPE = "keygen/opening";

  public KeyGenOpening {
    chainCodePart = KeyGenShare.requireChainCodePart(chainCodePart);
    randomness = new Commitment.Opening(new byte[0], randomness).randomness();
  }

  @Override
  public byte[] chainCodePart() {
    return chainCodePart.clone();
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  /** What P1 committed to in round 1. */
  Commitment.Opening opening() {
    return new Commitment.Opening(payload(publicShare, proof, chainCodePart), randomness);
  }

  static byte[] payload(EdPoint publicShare, DlogProof proof, byte[] chainCodePart) {
    return Frame.proof(Frame.point(new WireWriter(), publicShare), proof)
        .bytes(chainCodePart)
        .toBytes();
  }

  @Override
  public byte[] toBytes() {
    return Frame.proof(Frame.point(Frame.start(TYPE, sid), publicShare), proof)
        .bytes(chainCodePart)
        .bytes(randomness)
        .toBytes();
  }

  public static KeyGenOpening fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    KeyGenOpening m =
        new KeyGenOpening(
            Frame.sid(r),
            Frame.point(r),
            Frame.proof(r),
            r.fixedBytes(KeyGenShare.CHAIN_CODE_PART),
            r.fixedBytes(Commitment.RANDOMNESS_LENGTH));
    r.end();
    return m;
  }
}
