package org.planbok.wallet.chain.bitcoin;

import java.math.BigInteger;
import org.planbok.mpc.ecdsa.EcdsaSignature;

/**
 * Strict DER (BIP66) of a low-S signature (BIP62, enforced by {@link EcdsaSignature}): {@code 0x30
 * len 0x02 len(r) r 0x02 len(s) s}, each integer minimal and positive.
 */
public final class DerSignature {
  private DerSignature() {}

  public static byte[] encode(EcdsaSignature sig) {
    byte[] r = integer(sig.r());
    byte[] s = integer(sig.s());
    byte[] out = new byte[6 + r.length + s.length];
    out[0] = 0x30;
    out[1] = (byte) (4 + r.length + s.length);
    out[2] = 0x02;
    out[3] = (byte) r.length;
    System.arraycopy(r, 0, out, 4, r.length);
    out[4 + r.length] = 0x02;
    out[5 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, out, 6 + r.length, s.length);
    return out;
  }

  /** BigInteger's two's complement is already minimal and adds 0x00 when the high bit is set. */
  private static byte[] integer(BigInteger v) {
    return v.toByteArray();
  }
}
