package org.planbok.keys.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planbok.organization.entity.Uuids;

/** Names one joint key on both nodes; chosen by Node 1 when the key generation starts. */
public record KeyId(UUID value) {
  public KeyId {
    Objects.requireNonNull(value);
  }

  public static KeyId random() {
    return new KeyId(UUID.randomUUID());
  }

  public static Optional<KeyId> parse(String text) {
    return Uuids.parse(text).map(KeyId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
