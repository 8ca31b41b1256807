package org.planbok.mpc.ecdsa;

import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/** Sign round 2, P2 → P1: {@code R2 = k2·G} with a proof of knowledge of {@code k2}. */
record SignNonce(SessionId sid, ECPoint r2, DlogProof proof) {
  static final int TAG = 0x22;

  public SignNonce {
    r2 = Codec.requirePoint(r2, "R2");
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writePoint(out, r2);
    Codec.writeProof(out, proof);
    return out.toBytes();
  }

  public static SignNonce fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    ECPoint r2 = Codec.readPoint(in);
    DlogProof proof = Codec.readProof(in);
    in.end();
    return new SignNonce(sid, r2, proof);
  }
}
