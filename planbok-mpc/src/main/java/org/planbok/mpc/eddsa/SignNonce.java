package org.planbok.mpc.eddsa;

import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/** Sign round 2, P1 → P2: P1's nonce point R1 = r1·B, sent in the clear. */
record SignNonce(SessionId sid, EdPoint nonce) implements EddsaMessage {
  static final String TYPE = "sign/nonce";

  @Override
  public byte[] toBytes() {
    return Frame.point(Frame.start(TYPE, sid), nonce).toBytes();
  }

  public static SignNonce fromBytes(byte[] bytes) {
    WireReader r = Frame.open(bytes, TYPE);
    SignNonce m = new SignNonce(Frame.sid(r), Frame.point(r));
    r.end();
    return m;
  }
}
