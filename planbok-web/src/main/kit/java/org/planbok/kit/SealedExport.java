package org.planbok.kit;

import java.util.Objects;

/**
 * One HPKE-sealed part of an export response ({@code hpke} or {@code node2Hpke}), field by field:
 * the suite's identifiers (RFC 9180 §7), {@code info}, {@code aad}, and {@code enc} and {@code
 * ciphertext} as base64url. Read them with your JSON library; the kit needs none.
 */
public record SealedExport(
    int kem, int kdf, int aead, String info, String aad, String enc, String ciphertext) {
  public SealedExport {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(aad, "aad");
    Objects.requireNonNull(enc, "enc");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }
}
