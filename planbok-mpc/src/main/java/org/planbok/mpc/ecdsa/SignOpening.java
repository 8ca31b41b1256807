package org.planbok.mpc.ecdsa;

import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/** Sign round 3, P1 → P2: opens the round-1 commitment to {@code R1} and its proof. */
record SignOpening(SessionId sid, ECPoint r1, DlogProof proof, byte[] randomness) {
  static final int TAG = 0x23;

  public SignOpening {
    r1 = Codec.requirePoint(r1, "R1");
    randomness = Codec.requireLength(randomness, Commitment.RANDOMNESS_LENGTH, "opening");
  }

  /** The committed payload {@code R1 ‖ A ‖ z}: fixed-length fields, so injective. */
  static byte[] payload(ECPoint r1, DlogProof proof) {
    return Codec.concat(
        Codec.GROUP.encode(r1), proof.commitment(), Secp256k1.scalarBytes(proof.response()));
  }

  Commitment.Opening opening() {
    return new Commitment.Opening(payload(r1, proof), randomness);
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writePoint(out, r1);
    Codec.writeProof(out, proof);
    out.bytes(randomness);
    return out.toBytes();
  }

  public static SignOpening fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    ECPoint r1 = Codec.readPoint(in);
    DlogProof proof = Codec.readProof(in);
    byte[] rho = in.fixedBytes(Commitment.RANDOMNESS_LENGTH);
    in.end();
    return new SignOpening(sid, r1, proof, rho);
  }
}
