package org.planbok.kit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * Opens a wallet export on the customer's device. Planbok seals the exported private key to the
 * device's {@link DeviceKey} with RFC 9180 HPKE in base mode, single-shot: DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM, {@code info = "planbok/export/v1"} and {@code aad} the
 * wallet id, so a key sealed for one wallet does not open as another.
 *
 * <p>The plaintext is UTF-8 JSON: {@code {"chain","address","format","privateKey"}} with format
 * {@code hex} (EVM chains, Tron), {@code wif} (Bitcoin) or {@code ed25519-expanded} (Solana, NEAR;
 * then also {@code publicKey}). It is the whole private key: show it to the customer, never log it,
 * and zero the returned array when done.
 */
public final class ExportOpener {
  public static final String INFO = "planbok/export/v1";

  private ExportOpener() {}

  /**
   * The plaintext of an export of the wallet {@code walletId} (the one you asked to export).
   *
   * @throws IllegalArgumentException if the export is not for that wallet, not in Planbok's suite,
   *     or not base64url
   * @throws AEADBadTagException if it was not sealed to this device key, or was altered
   */
  public static byte[] open(String walletId, SealedExport sealed, DeviceKey deviceKey)
      throws AEADBadTagException {
    checkSuite(sealed);
    if (!sealed.aad().equals(walletId)) {
      throw new IllegalArgumentException(
          "the export is sealed for wallet " + sealed.aad() + ", not " + walletId);
    }
    byte[] enc = base64Url(sealed.enc(), "enc");
    if (enc.length != 32) {
      throw new IllegalArgumentException("enc must be a 32-byte X25519 public key");
    }
    byte[] ciphertext = base64Url(sealed.ciphertext(), "ciphertext");
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    try {
      // RFC 9180 §6.1 OpenBase: SetupBaseR(enc, skR, info) then ContextR.Open(aad, ct), seq 0.
      return hpke.open(
          enc,
          deviceKey.keyPair(),
          INFO.getBytes(StandardCharsets.UTF_8),
          walletId.getBytes(StandardCharsets.UTF_8),
          ciphertext,
          null,
          null,
          null);
    } catch (InvalidCipherTextException | IllegalStateException e) {
      // IllegalStateException: BouncyCastle's X25519 refuses a small-order enc (RFC 9180 §7.1.4).
      throw new AEADBadTagException(
          "the export does not open: not sealed to this device key, or altered");
    }
  }

  private static void checkSuite(SealedExport sealed) {
    if (sealed.kem() != HPKE.kem_X25519_SHA256
        || sealed.kdf() != HPKE.kdf_HKDF_SHA256
        || sealed.aead() != HPKE.aead_AES_GCM256
        || !sealed.info().equals(INFO)) {
      throw new IllegalArgumentException(
          "not Planbok's export suite: kem "
              + sealed.kem()
              + ", kdf "
              + sealed.kdf()
              + ", aead "
              + sealed.aead()
              + ", info "
              + sealed.info());
    }
  }

  private static byte[] base64Url(String text, String field) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not base64url");
    }
  }
}
