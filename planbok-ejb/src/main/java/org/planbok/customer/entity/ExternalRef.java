package org.planbok.customer.entity;

import java.util.regex.Pattern;
import org.planbok.refusal.Refused;

/**
 * The organization's own identifier for a customer (its user id), unique within the organization. A
 * safe charset only, so it can be logged, put in a query string and compared byte for byte.
 */
public record ExternalRef(String value) {
  public static final int MAX_LENGTH = 128;

  /** Also used by the request bodies' Bean Validation. */
  public static final String PATTERN = "[A-Za-z0-9._:@-]{1,128}";

  public static final String RULE = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  public ExternalRef {
    if (value == null || !COMPILED.matcher(value).matches()) {
      throw Refused.invalid("externalRef", RULE);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
