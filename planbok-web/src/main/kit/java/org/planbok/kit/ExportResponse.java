package org.planbok.kit;

import java.util.Objects;

/**
 * The answer of {@code POST …/wallets/{walletId}/export} (export v2): the wallet it names, and the
 * key in two parts, each sealed to the device key on its own: {@code hpke} by Node 1 (its masked
 * share, with the wallet's public key, key id and path) and {@code node2Hpke} by Node 2 (its masked
 * share). Neither part alone says anything about the key; {@link ExportOpener} adds them.
 */
public record ExportResponse(
    String walletId,
    String chain,
    String address,
    String format,
    SealedExport hpke,
    SealedExport node2Hpke) {
  public ExportResponse {
    Objects.requireNonNull(walletId, "walletId");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(hpke, "hpke");
    Objects.requireNonNull(node2Hpke, "node2Hpke");
  }
}
