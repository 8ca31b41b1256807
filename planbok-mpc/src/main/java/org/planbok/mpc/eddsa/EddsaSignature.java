package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.planbok.mpc.group.Ed25519;

/** An RFC 8032 §5.1.6 signature: the 32-byte encoding of R followed by s (32 bytes LE, s < ℓ). */
public final class EddsaSignature {
  public static final int LENGTH = 64;
  private final byte[] bytes;

  EddsaSignature(byte[] r, BigInteger s) {
    bytes = Arrays.copyOf(r, LENGTH);
    System.arraycopy(Ed25519.scalarBytes(s), 0, bytes, 32, 32);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The encoded nonce point R. */
  public byte[] r() {
    return Arrays.copyOf(bytes, 32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EddsaSignature other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EddsaSignature[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
