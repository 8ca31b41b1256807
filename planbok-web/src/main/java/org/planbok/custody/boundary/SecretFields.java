package org.planbok.custody.boundary;

import org.planbok.custody.entity.ClientSecret;
import org.planbok.web.problem.ProblemException;

/**
 * Reads a client secret from a request field, or answers 400 naming the field. The value itself is
 * never echoed.
 */
public final class SecretFields {
  /** Bean Validation's shape check for such fields; the decoding below is the exact one. */
  public static final String PATTERN = "[A-Za-z0-9_-]{43}";

  private SecretFields() {}

  public static ClientSecret parse(String value, String field) {
    if (value == null) {
      throw ProblemException.invalidField(field, field + ": required");
    }
    return ClientSecret.parse(value)
        .orElseThrow(() -> ProblemException.invalidField(field, field + ": " + ClientSecret.RULE));
  }
}
