package org.planbok.recovery.entity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One question a customer answers: from the catalogue (by its id) or their own text. Not secret:
 * Node 1 stores and shows them at recovery; only the answers are secret, and they never leave the
 * customer's device.
 */
public record SecurityQuestion(CatalogueQuestion catalogue, String custom) {
  public static final int MIN_TEXT = 5;
  public static final int MAX_TEXT = 200;

  public SecurityQuestion {
    if ((catalogue == null) == (custom == null)) {
      throw new IllegalArgumentException("a question is from the catalogue or custom, not both");
    }
    if (custom != null) {
      custom = custom.strip();
      if (custom.length() < MIN_TEXT || custom.length() > MAX_TEXT) {
        throw new IllegalArgumentException(
            "a question of your own is " + MIN_TEXT + " to " + MAX_TEXT + " characters");
      }
      if (custom.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("a question holds no control characters");
      }
    }
  }

  public static SecurityQuestion of(CatalogueQuestion q) {
    return new SecurityQuestion(Objects.requireNonNull(q), null);
  }

  public static SecurityQuestion custom(String text) {
    return new SecurityQuestion(null, Objects.requireNonNull(text));
  }

  /** The catalogue id, for a catalogue question. */
  public Optional<String> id() {
    return Optional.ofNullable(catalogue).map(CatalogueQuestion::id);
  }

  public String text() {
    return catalogue != null ? catalogue.text() : custom;
  }

  /** What makes two questions the same one (asking one twice adds nothing). */
  String sameness() {
    return text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
