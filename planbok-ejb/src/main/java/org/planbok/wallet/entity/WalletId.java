package org.planbok.wallet.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planbok.organization.entity.Uuids;

/** Identifies one wallet (one address of one key on one chain). */
public record WalletId(UUID value) {
  public WalletId {
    Objects.requireNonNull(value);
  }

  public static WalletId random() {
    return new WalletId(UUID.randomUUID());
  }

  public static Optional<WalletId> parse(String text) {
    return Uuids.parse(text).map(WalletId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
