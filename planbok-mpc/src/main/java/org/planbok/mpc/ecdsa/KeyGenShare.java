package org.planbok.mpc.ecdsa;

import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/** KeyGen round 2, P2 → P1: {@code QB = xB·G}, its proof and P2's chain-code half. */
record KeyGenShare(SessionId sid, ECPoint publicShareB, DlogProof proof, byte[] chainCodeB) {
  static final int TAG = 0x12;

  public KeyGenShare {
    publicShareB = Codec.requirePoint(publicShareB, "QB");
    chainCodeB = Codec.requireLength(chainCodeB, Codec.CHAIN_CODE_BYTES, "ccB");
  }

  @Override
  public byte[] chainCodeB() {
    return chainCodeB.clone();
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writePoint(out, publicShareB);
    Codec.writeProof(out, proof);
    out.bytes(chainCodeB);
    return out.toBytes();
  }

  public static KeyGenShare fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    ECPoint qB = Codec.readPoint(in);
    DlogProof proof = Codec.readProof(in);
    byte[] cc = in.fixedBytes(Codec.CHAIN_CODE_BYTES);
    in.end();
    return new KeyGenShare(sid, qB, proof, cc);
  }
}
