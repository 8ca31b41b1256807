package org.planbok.organization.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.organization.entity.ApiKey;

/** An API key as lists show it: never its secret. */
@JsonbPropertyOrder({"id", "prefix", "label", "createdAt", "lastUsedAt", "revokedAt"})
public record ApiKeyView(
    String id,
    String prefix,
    String label,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {
  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(
        key.id().toString(),
        key.prefix(),
        key.label().value(),
        key.createdAt(),
        key.lastUsedAt().orElse(null),
        key.revokedAt().orElse(null));
  }
}
