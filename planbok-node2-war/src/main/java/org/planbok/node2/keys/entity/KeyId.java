package org.planbok.node2.keys.entity;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Names one joint key on both nodes: a UUID in practice, at most 64 URL-safe characters. */
public record KeyId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public KeyId {
    Objects.requireNonNull(value, "key id");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a key id is 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
  }

  public static KeyId of(String value) {
    return new KeyId(value);
  }

  public static KeyId random() {
    return new KeyId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
