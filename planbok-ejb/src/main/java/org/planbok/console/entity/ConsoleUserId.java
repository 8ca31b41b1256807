package org.planbok.console.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planbok.organization.entity.Uuids;

/** Identifies a console user. */
public record ConsoleUserId(UUID value) {
  public ConsoleUserId {
    Objects.requireNonNull(value);
  }

  public static ConsoleUserId random() {
    return new ConsoleUserId(UUID.randomUUID());
  }

  public static Optional<ConsoleUserId> parse(String text) {
    return Uuids.parse(text).map(ConsoleUserId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
