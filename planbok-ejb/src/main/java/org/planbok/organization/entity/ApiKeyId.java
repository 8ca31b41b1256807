package org.planbok.organization.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies an API key. It is public: the key's text carries it in hex ({@code
 * pbk_live_<id>_<secret>}), so a presented key is found by id and then its secret compared.
 */
public record ApiKeyId(UUID value) {
  public ApiKeyId {
    Objects.requireNonNull(value);
  }

  public static ApiKeyId random() {
    return new ApiKeyId(UUID.randomUUID());
  }

  public static Optional<ApiKeyId> parse(String text) {
    return Uuids.parse(text).map(ApiKeyId::new);
  }

  /** The 32 lower-case hex digits used inside the key's text. */
  public String hex() {
    return value.toString().replace("-", "");
  }

  /** The inverse of {@link #hex()}; empty unless exactly 32 lower-case hex digits. */
  public static Optional<ApiKeyId> fromHex(CharSequence hex) {
    if (hex.length() != 32) {
      return Optional.empty();
    }
    for (int i = 0; i < 32; i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    String h = hex.toString();
    long high = Long.parseUnsignedLong(h.substring(0, 16), 16);
    long low = Long.parseUnsignedLong(h.substring(16), 16);
    return Optional.of(new ApiKeyId(new UUID(high, low)));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
