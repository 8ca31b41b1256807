package org.planbok.wallet.control;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.refusal.Refused;

/**
 * HPKE sealing to a device's X25519 public key ({@link ExportHpke}: RFC 9180 §6.1 single-shot, base
 * mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM). A key that is not 32 bytes, or a
 * low-order point that would give an all-zero shared secret, is refused as the caller's input
 * before anything secret exists.
 */
final class DeviceSeal {
  private final AsymmetricKeyParameter device;

  private DeviceSeal(AsymmetricKeyParameter device) {
    this.device = device;
  }

  static DeviceSeal to(byte[] devicePublicKey) {
    try {
      return new DeviceSeal(ExportHpke.recipient(devicePublicKey));
    } catch (ProtocolAbort e) {
      throw Refused.invalid(
          "devicePublicKey",
          "devicePublicKey: must be a usable 32-byte X25519 public key (43 characters of unpadded"
              + " base64url)");
    }
  }

  SealedExport seal(String info, String aad, byte[] plaintext) {
    byte[] sealed = ExportHpke.seal(device, info, aad.getBytes(StandardCharsets.UTF_8), plaintext);
    return SealedExport.of(sealed, info, aad);
  }
}
