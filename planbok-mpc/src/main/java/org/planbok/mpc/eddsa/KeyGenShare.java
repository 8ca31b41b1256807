package org.planbok.mpc.eddsa;

import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.zk.DlogProof;

/** KeyGen round 2, P2 → P1: A2 = a2·B, the proof of knowledge of a2, and P2's chain-code part. */
record KeyGenShare(SessionId sid, EdPoint publicShare, DlogProof proof, byte[] chainCodePart)
    implements EddsaMessage {
  static final String TYPE = "keygen/share";
  public static final int CHAIN_CODE_PART = 32;

  public KeyGenShare {
    chainCodePart = requireChainCodePart(chainCodePart);
  }

  @Override
  public byte[] chainCodePart() {
    return chainCodePart.clone();
  }

  @Override
  public byte[] toBytes() {
    return Frame.proof(Frame.point(Frame.start(TYPE, sid), publicShare), proof)
        .bytes(chainCodePart)
        .toBytes();
  }

  public static KeyGenShare fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    KeyGenShare m =
        new KeyGenShare(
            Frame.sid(r), Frame.point(r), Frame.proof(r), r.fixedBytes(CHAIN_CODE_PART));
    r.end();
    return m;
  }

  static byte[] requireChainCodePart(byte[] part) {
    if (part == null || part.length != CHAIN_CODE_PART) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "chain-code part must be 32 bytes");
    }
    return part.clone();
  }
}
