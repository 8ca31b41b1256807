package org.planbok.wallet.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An export, in two parts sealed to the device (issue 12 item 5): {@code hpke} is Node 1's part,
 * {@code node2Hpke} Node 2's, sealed by Node 2; open both with the device's private key and add
 * them (the client kit does).
 */
@JsonbPropertyOrder({"walletId", "chain", "address", "format", "hpke", "node2Hpke"})
public record ExportView(
    String walletId, String chain, String address, String format, Hpke hpke, Hpke node2Hpke) {
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
