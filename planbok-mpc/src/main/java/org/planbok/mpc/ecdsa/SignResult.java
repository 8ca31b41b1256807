package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/** Sign round 5, P1 → P2: the signature P1 verified; P2 verifies it again before returning it. */
record SignResult(SessionId sid, EcdsaSignature signature) {
  static final int TAG = 0x25;

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writeScalar(out, signature.r());
    Codec.writeScalar(out, signature.s());
    out.integer(signature.recoveryId());
    return out.toBytes();
  }

  public static SignResult fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    BigInteger r = Codec.readScalar(in, "r");
    BigInteger s = Codec.readScalar(in, "s");
    int v = in.smallInt();
    in.end();
    return new SignResult(sid, new EcdsaSignature(r, s, v));
  }
}
