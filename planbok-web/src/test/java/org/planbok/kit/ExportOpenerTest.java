package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class ExportOpenerTest {
  private static final String WALLET = "3f1c2b7e-8a51-4c0e-9d7f-5b2a6e4c1d90";
  private final DeviceKey device = DeviceKey.generate();

  private SealedExport sealed(String walletId, String plaintext) {
    return Exports.sealedExport(Exports.response(walletId, plaintext, device.publicKey()));
  }

  @Test
  void opensWhatBouncyCastleSeals() throws Exception {
    for (String plaintext : new String[] {Exports.ETHEREUM, Exports.BITCOIN, Exports.SOLANA}) {
      byte[] opened = ExportOpener.open(WALLET, sealed(WALLET, plaintext), device);
      assertEquals(plaintext, new String(opened, StandardCharsets.UTF_8));
    }
  }

  @Test
  void rejectsExportOfAnotherWallet() {
    SealedExport other = sealed("another-wallet", Exports.ETHEREUM);
    assertThrows(IllegalArgumentException.class, () -> ExportOpener.open(WALLET, other, device));
  }

  @Test
  void rejectsExportWhoseAadWasRelabelled() {
    // Sealed for another wallet, then labelled as ours: the AAD we open with is our wallet id.
    SealedExport real = sealed("another-wallet", Exports.ETHEREUM);
    SealedExport relabelled =
        new SealedExport(
            real.kem(),
            real.kdf(),
            real.aead(),
            real.info(),
            WALLET,
            real.enc(),
            real.ciphertext());
    assertThrows(AEADBadTagException.class, () -> ExportOpener.open(WALLET, relabelled, device));
  }

  @Test
  void rejectsExportSealedToAnotherDevice() {
    SealedExport sealed = sealed(WALLET, Exports.ETHEREUM);
    assertThrows(
        AEADBadTagException.class, () -> ExportOpener.open(WALLET, sealed, DeviceKey.generate()));
  }

  @Test
  void rejectsAlteredCiphertext() {
    SealedExport s = sealed(WALLET, Exports.ETHEREUM);
    byte[] ct = Base64.getUrlDecoder().decode(s.ciphertext());
    ct[3] ^= 1;
    SealedExport altered =
        new SealedExport(
            s.kem(),
            s.kdf(),
            s.aead(),
            s.info(),
            s.aad(),
            s.enc(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(ct));
    assertThrows(AEADBadTagException.class, () -> ExportOpener.open(WALLET, altered, device));
  }

  @Test
  void rejectsSmallOrderEnc() {
    // The all-zero point gives an all-zero X25519 output, which RFC 9180 §7.1.4 refuses.
    SealedExport s = sealed(WALLET, Exports.ETHEREUM);
    SealedExport zero =
        new SealedExport(
            s.kem(),
            s.kdf(),
            s.aead(),
            s.info(),
            s.aad(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]),
            s.ciphertext());
    assertThrows(AEADBadTagException.class, () -> ExportOpener.open(WALLET, zero, device));
  }

  @Test
  void rejectsAnotherSuiteOrInfo() {
    SealedExport s = sealed(WALLET, Exports.ETHEREUM);
    SealedExport aes128 =
        new SealedExport(s.kem(), s.kdf(), 1, s.info(), s.aad(), s.enc(), s.ciphertext());
    SealedExport info =
        new SealedExport(
            s.kem(), s.kdf(), s.aead(), "planbok/export/v2", s.aad(), s.enc(), s.ciphertext());
    assertThrows(IllegalArgumentException.class, () -> ExportOpener.open(WALLET, aes128, device));
    assertThrows(IllegalArgumentException.class, () -> ExportOpener.open(WALLET, info, device));
  }

  @Test
  void rejectsMalformedEnc() {
    SealedExport s = sealed(WALLET, Exports.ETHEREUM);
    SealedExport shortEnc =
        new SealedExport(s.kem(), s.kdf(), s.aead(), s.info(), s.aad(), "AAAA", s.ciphertext());
    SealedExport notBase64 =
        new SealedExport(s.kem(), s.kdf(), s.aead(), s.info(), s.aad(), "a+b/", s.ciphertext());
    assertThrows(IllegalArgumentException.class, () -> ExportOpener.open(WALLET, shortEnc, device));
    assertThrows(
        IllegalArgumentException.class, () -> ExportOpener.open(WALLET, notBase64, device));
  }
}
