package org.planbok.wallet.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An export, sealed to the device: open {@code hpke} with the device's private key. */
@JsonbPropertyOrder({"walletId", "chain", "address", "format", "hpke"})
public record ExportView(String walletId, String chain, String address, String format, Hpke hpke) {
  /** RFC 9180 base-mode single-shot parameters and output, binary values as unpadded base64url. */
  @JsonbPropertyOrder({"suite", "kem", "kdf", "aead", "info", "aad", "enc", "ciphertext"})
  public record Hpke(
      String suite,
      int kem,
      int kdf,
      int aead,
      String info,
      String aad,
      String enc,
      String ciphertext) {}
}
