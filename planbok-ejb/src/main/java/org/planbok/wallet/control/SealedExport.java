package org.planbok.wallet.control;

/**
 * An exported key sealed to the device with HPKE (RFC 9180): base mode, DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-256-GCM; {@code info} is {@value #INFO}, the associated data is the wallet id.
 * Only the holder of the device's private key opens it.
 */
public record SealedExport(byte[] enc, byte[] ciphertext, String aad) {
  public static final String INFO = "planbok/export/v1";
  public static final String SUITE = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM";
  public static final int KEM = 0x0020;
  public static final int KDF = 0x0001;
  public static final int AEAD = 0x0002;

  public SealedExport {
    enc = enc.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] enc() {
    return enc.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }
}
