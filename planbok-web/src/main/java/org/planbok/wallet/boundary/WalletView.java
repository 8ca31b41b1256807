package org.planbok.wallet.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.HexFormat;
import org.planbok.keys.control.ChildKey;
import org.planbok.wallet.control.Chains;
import org.planbok.wallet.entity.Wallet;

/** A wallet as the API shows it. */
@JsonbPropertyOrder({
  "id",
  "chain",
  "format",
  "index",
  "path",
  "address",
  "publicKey",
  "keyId",
  "createdAt",
  "exportCount",
  "lastExportedAt"
})
public record WalletView(
    String id,
    String chain,
    String format,
    int index,
    String path,
    String address,
    String publicKey,
    String keyId,
    Instant createdAt,
    int exportCount,
    Instant lastExportedAt) {
  static WalletView of(Wallet w, ChildKey child) {
    return new WalletView(
        w.id().toString(),
        Chains.name(w.chain()),
        Chains.name(w.format()),
        w.index(),
        w.chain().path(w.format(), w.index()).toString(),
        w.address(),
        HexFormat.of().formatHex(child.publicKey()),
        w.keyId().toString(),
        w.createdAt(),
        w.exportCount(),
        w.exportedAt());
  }
}
