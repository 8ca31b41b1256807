package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;

import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Round 3, extension receiver → extension sender: the matrix u and the consistency-check values
 * (KOS15 revised, Fig. 10: "Extend" step 3 and "Consistency check" step 2, the challenge derived by
 * Fiat–Shamir so that no round is added).
 *
 * @param count the number of transfers, n; fixes every length below
 * @param matrix u^0 ‖ … ‖ u^127, each column n' bits (see {@link ExtensionShape}), little-endian
 * @param checkX x̃ = H_χ(x), 16 bytes
 * @param checkT t̃^0 ‖ … ‖ t̃^127, 16 bytes each
 */
public record ExtensionMatrix(SessionId sid, int count, byte[] matrix, byte[] checkX, byte[] checkT)
    implements OtMessage {
  static final String TYPE = "matrix";

  public ExtensionMatrix {
    OtFrame.requireSid(sid);
    ExtensionShape shape = new ExtensionShape(count);
    matrix = OtFrame.requireLength(matrix, shape.matrixBytes(), "matrix u");
    checkX = OtFrame.requireLength(checkX, ConsistencyCheck.VALUE_BYTES, "check value x");
    checkT = OtFrame.requireLength(checkT, KAPPA * ConsistencyCheck.VALUE_BYTES, "check values t");
  }

  @Override
  public byte[] matrix() {
    return matrix.clone();
  }

  @Override
  public byte[] checkX() {
    return checkX.clone();
  }

  @Override
  public byte[] checkT() {
    return checkT.clone();
  }

  @Override
  public byte[] toBytes() {
    return OtFrame.start(TYPE, sid)
        .integer(count)
        .bytes(matrix)
        .bytes(checkX)
        .bytes(checkT)
        .toBytes();
  }

  public static ExtensionMatrix fromBytes(byte[] bytes) {
    WireReader r = OtFrame.open(bytes, TYPE);
    SessionId sid = OtFrame.sid(r);
    ExtensionShape shape = new ExtensionShape(r.smallInt());
    ExtensionMatrix m =
        new ExtensionMatrix(
            sid,
            shape.count(),
            r.fixedBytes(shape.matrixBytes()),
            r.fixedBytes(ConsistencyCheck.VALUE_BYTES),
            r.fixedBytes(KAPPA * ConsistencyCheck.VALUE_BYTES));
    r.end();
    return m;
  }

  @Override
  public String toString() {
    return "ExtensionMatrix[sid=" + sid.hex() + ", count=" + count + "]";
  }
}
