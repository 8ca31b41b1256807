package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;

/**
 * Sign round 4, P2 → P1: {@code c3 = Enc(ρ·n + k2⁻¹(m + r(xB + t))) ⊕ (k2⁻¹·r) ⊙ c_key}. P1 checks
 * it is a unit below N² before decrypting.
 */
public record SignPartial(SessionId sid, BigInteger c3) {
  static final int TAG = 0x24;

  public SignPartial {
    if (c3 == null || c3.signum() < 0) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "c3 is missing or negative");
    }
  }

  public byte[] toBytes() {
    return Codec.message(TAG, sid).integer(c3).toBytes();
  }

  public static SignPartial fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    BigInteger c3 = in.integer(Codec.CIPHERTEXT_BYTES);
    in.end();
    return new SignPartial(sid, c3);
  }
}
