package org.planbok.mpc.export;

import java.math.BigInteger;
import java.util.Arrays;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * The curves a masked export works in: the group order its parts are reduced by, and the byte that
 * names it in the parts sealed to the device (1 secp256k1, 2 ed25519). Both curves' parts travel as
 * 32 bytes big-endian: the device adds two numbers, it does not decode an ed25519 scalar.
 */
public enum ExportCurve {
  SECP256K1(1, Secp256k1.N),
  ED25519(2, Ed25519.L);

  public static final int SCALAR_BYTES = 32;

  private final int code;
  private final BigInteger order;

  ExportCurve(int code, BigInteger order) {
    this.code = code;
    this.order = order;
  }

  public int code() {
    return code;
  }

  public BigInteger order() {
    return order;
  }

  public static ExportCurve ofCode(int code) {
    return Arrays.stream(values())
        .filter(c -> c.code == code)
        .findFirst()
        .orElseThrow(() -> new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "unknown curve"));
  }

  /** {@code s} as 32 bytes big-endian; s must be in [0, order). */
  public byte[] bytes(BigInteger s) {
    requireScalar(s, "scalar");
    byte[] raw = s.toByteArray();
    byte[] out = new byte[SCALAR_BYTES];
    int len = Math.min(raw.length, SCALAR_BYTES);
    System.arraycopy(raw, raw.length - len, out, SCALAR_BYTES - len, len);
    Arrays.fill(raw, (byte) 0);
    return out;
  }

  /** A 32-byte big-endian value below the order, else {@code INVALID_SCALAR}. */
  public BigInteger scalar(byte[] bigEndian, String what) {
    if (bigEndian.length != SCALAR_BYTES) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, what + " must be 32 bytes");
    }
    return requireScalar(new BigInteger(1, bigEndian), what);
  }

  BigInteger requireScalar(BigInteger s, String what) {
    if (s.signum() < 0 || s.compareTo(order) >= 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, what + " is not below the group order");
    }
    return s;
  }
}
