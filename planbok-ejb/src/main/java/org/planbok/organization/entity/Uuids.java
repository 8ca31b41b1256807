package org.planbok.organization.entity;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict UUID text: the 36-character canonical form only. {@link UUID#fromString} accepts shorter
 * groups such as {@code 1-1-1-1-1}, which would give one resource several paths.
 */
public final class Uuids {
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  public static Optional<UUID> parse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }
}
