package org.planbok.wallet.control;

import org.planbok.mpc.export.ExportHpke;

/**
 * One part of an export sealed to the device with HPKE (RFC 9180): base mode, DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM ({@link ExportHpke}); {@code info} names the part. Only
 * the holder of the device's private key opens it.
 */
public record SealedExport(byte[] enc, byte[] ciphertext, String info, String aad) {
  public static final String SUITE = ExportHpke.SUITE;
  public static final int KEM = ExportHpke.KEM;
  public static final int KDF = ExportHpke.KDF;
  public static final int AEAD = ExportHpke.AEAD;

  public SealedExport {
    enc = enc.clone();
    ciphertext = ciphertext.clone();
  }

  /** From the wire form {@code enc (32) ‖ ciphertext}. */
  static SealedExport of(byte[] sealed, String info, String aad) {
    byte[] enc = java.util.Arrays.copyOf(sealed, ExportHpke.ENC_BYTES);
    byte[] ciphertext = java.util.Arrays.copyOfRange(sealed, ExportHpke.ENC_BYTES, sealed.length);
    return new SealedExport(enc, ciphertext, info, aad);
  }

  @Override
  public byte[] enc() {
    return enc.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Both parts of an export: Node 1's, sealed by Node 1, and Node 2's, sealed by Node 2. */
  public record Parts(SealedExport node1, SealedExport node2) {}
}
