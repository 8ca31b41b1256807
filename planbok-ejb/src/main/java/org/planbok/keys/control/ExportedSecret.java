package org.planbok.keys.control;

import java.util.Arrays;
import org.planbok.keys.entity.Curve;

/**
 * A child private key reconstructed for export, alive only while it is sealed to the device:
 * secp256k1 as 32 big-endian bytes, ed25519 as the 64-byte expanded secret key {@code scalar (LE) ‖
 * prefix} (see {@code EddsaKeyExport}). {@link #toString()} never shows it.
 */
public final class ExportedSecret {
  private final Curve curve;
  private final byte[] key;
  private final byte[] childPublicKey;

  ExportedSecret(Curve curve, byte[] key, byte[] childPublicKey) {
    this.curve = curve;
    this.key = key;
    this.childPublicKey = childPublicKey.clone();
  }

  public Curve curve() {
    return curve;
  }

  /** The key bytes themselves, not a copy: zeroed when the export ends. */
  public byte[] key() {
    return key;
  }

  /** The child public key the key belongs to (33-byte compressed secp256k1, or 32-byte ed25519). */
  public byte[] childPublicKey() {
    return childPublicKey.clone();
  }

  void destroy() {
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public String toString() {
    return "ExportedSecret[" + curve.label() + ", redacted]";
  }
}
