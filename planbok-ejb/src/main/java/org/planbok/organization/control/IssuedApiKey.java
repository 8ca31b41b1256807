package org.planbok.organization.control;

import java.util.Arrays;
import org.planbok.organization.entity.ApiKey;

/**
 * A key just issued: what is stored, plus its text, which exists only here and is shown once.
 * {@link #close()} zeroes the text.
 */
public final class IssuedApiKey implements AutoCloseable {
  private final ApiKey key;
  private final char[] text;

  IssuedApiKey(ApiKey key, char[] text) {
    this.key = key;
    this.text = text;
  }

  public ApiKey key() {
    return key;
  }

  /** The key's text; the same array every time, zeroed by {@link #close()}. */
  public char[] text() {
    return text;
  }

  @Override
  public void close() {
    Arrays.fill(text, '\0');
  }

  @Override
  public String toString() {
    return "IssuedApiKey[" + key.prefix() + "_…]";
  }
}
