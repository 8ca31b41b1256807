package org.planbok.mpc.ecdsa;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A reconstructed secp256k1 private key, 32 big-endian bytes, for sealing to the customer's device
 * at once. Call {@link #destroy()} when sealed; {@link #toString()} never shows it.
 */
public final class ExportedKey implements Destroyable {
  private final byte[] bytes;
  private boolean destroyed;

  ExportedKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of the 32 key bytes; the caller zeroes it after use. */
  public byte[] bytes() {
    if (destroyed) {
      throw new IllegalStateException("key was destroyed");
    }
    return bytes.clone();
  }

  @Override
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "ExportedKey[redacted]";
  }
}
