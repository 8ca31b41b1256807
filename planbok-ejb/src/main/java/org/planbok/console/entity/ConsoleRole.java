package org.planbok.console.entity;

import java.util.Locale;
import java.util.Optional;

/** What a console user may do: an admin changes things, a viewer only looks. */
public enum ConsoleRole {
  ADMIN,
  VIEWER;

  /** {@code admin} or {@code viewer}, as the API and the console write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConsoleRole> parse(String label) {
    for (ConsoleRole role : values()) {
      if (role.label().equals(label)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
