package org.planbok.mpc.ot;

import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Round 4, extension sender → extension receiver: y0_j = m0_j ⊕ H(j, q_j) and y1_j = m1_j ⊕ H(j,
 * q_j ⊕ Δ) for every transfer j (the derandomisation of random OT into chosen-message OT, IKNP03
 * §3; KOS15 Fig. 10 "Transpose and randomize" then the one-time pads).
 *
 * @param count the number of transfers, n
 * @param zero y0_0 ‖ … ‖ y0_{n−1}, 16 bytes each
 * @param one y1_0 ‖ … ‖ y1_{n−1}, 16 bytes each
 */
public record MaskedMessages(SessionId sid, int count, byte[] zero, byte[] one)
    implements OtMessage {
  static final String TYPE = "masked";

  public MaskedMessages {
    OtFrame.requireSid(sid);
    ExtensionShape shape = new ExtensionShape(count);
    zero = OtFrame.requireLength(zero, shape.count() * OtSender.MESSAGE_BYTES, "masked messages 0");
    one = OtFrame.requireLength(one, shape.count() * OtSender.MESSAGE_BYTES, "masked messages 1");
  }

  @Override
  public byte[] zero() {
    return zero.clone();
  }

  @Override
  public byte[] one() {
    return one.clone();
  }

  @Override
  public byte[] toBytes() {
    return OtFrame.start(TYPE, sid).integer(count).bytes(zero).bytes(one).toBytes();
  }

  public static MaskedMessages fromBytes(byte[] bytes) {
    WireReader r = OtFrame.open(bytes, TYPE);
    SessionId sid = OtFrame.sid(r);
    ExtensionShape shape = new ExtensionShape(r.smallInt());
    int length = shape.count() * OtSender.MESSAGE_BYTES;
    MaskedMessages m =
        new MaskedMessages(sid, shape.count(), r.fixedBytes(length), r.fixedBytes(length));
    r.end();
    return m;
  }

  @Override
  public String toString() {
    return "MaskedMessages[sid=" + sid.hex() + ", count=" + count + "]";
  }
}
