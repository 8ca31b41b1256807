package org.planbok.idempotency.control;

import java.util.Optional;

/** The client's {@code Idempotency-Key}: 1 to 255 printable ASCII characters (0x20 to 0x7E). */
public record IdempotencyKey(String value) {
  public static final int MAX_LENGTH = 255;
  public static final String RULE = "must be 1 to 255 printable ASCII characters";

  public static Optional<IdempotencyKey> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Optional.empty();
      }
    }
    return Optional.of(new IdempotencyKey(text));
  }

  @Override
  public String toString() {
    return value;
  }
}
