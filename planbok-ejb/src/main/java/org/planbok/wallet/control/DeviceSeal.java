package org.planbok.wallet.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.planbok.problem.ProblemException;

/**
 * HPKE sealing to a device's X25519 public key (RFC 9180 §6.1 single-shot, base mode):
 * DHKEM(X25519, HKDF-SHA256) 0x0020, HKDF-SHA256 0x0001, AES-256-GCM 0x0002, with BouncyCastle's
 * implementation. A key that is not 32 bytes, or a low-order point that would give an all-zero
 * shared secret, is refused as the caller's input before anything secret exists.
 */
final class DeviceSeal {
  static final int KEY_BYTES = 32;

  private final HPKE hpke;
  private final AsymmetricKeyParameter device;

  private DeviceSeal(HPKE hpke, AsymmetricKeyParameter device) {
    this.hpke = hpke;
    this.device = device;
  }

  static DeviceSeal to(byte[] devicePublicKey) {
    if (devicePublicKey == null || devicePublicKey.length != KEY_BYTES) {
      throw bad("must be a 32-byte X25519 public key (43 characters of unpadded base64url)");
    }
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    DeviceSeal seal;
    try {
      seal = new DeviceSeal(hpke, hpke.deserializePublicKey(devicePublicKey));
      seal.seal("probe", new byte[1]); // a low-order point fails here, not after the export
    } catch (RuntimeException e) {
      throw bad("is not a usable X25519 public key");
    }
    return seal;
  }

  SealedExport seal(String aad, byte[] plaintext) {
    try {
      byte[][] out =
          hpke.seal(
              device,
              SealedExport.INFO.getBytes(StandardCharsets.US_ASCII),
              aad.getBytes(StandardCharsets.UTF_8),
              plaintext,
              null,
              null,
              null);
      return new SealedExport(out[1], out[0], aad);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE sealing failed", e);
    }
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(
        org.planbok.problem.ProblemType.INVALID_FIELD,
        "devicePublicKey: " + detail,
        "devicePublicKey",
        Map.of());
  }
}
