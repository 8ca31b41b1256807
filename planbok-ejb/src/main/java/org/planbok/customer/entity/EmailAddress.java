package org.planbok.customer.entity;

import java.util.regex.Pattern;
import org.planbok.refusal.Refused;

/**
 * A customer's email address: ASCII {@code local@domain} with a dotted domain of letters, digits
 * and hyphens, at most 254 characters (RFC 5321's limit on a path) and 64 in the local part.
 * Stricter than RFC 5322 on purpose: no quoted local parts, comments or IP literals, which no
 * recovery mail should need. Internationalised addresses are not accepted yet.
 */
public record EmailAddress(String value) {
  public static final int MAX_LENGTH = 254;

  /** Also used by the request bodies' Bean Validation. */
  public static final String PATTERN =
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

  public static final String RULE =
      "must be an email address local@example.com of at most 254 characters";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  public EmailAddress {
    if (!isValid(value)) {
      throw Refused.invalid("email", RULE);
    }
  }

  public static boolean isValid(String value) {
    if (value == null || value.length() > MAX_LENGTH || !COMPILED.matcher(value).matches()) {
      return false;
    }
    return value.indexOf('@') <= 64;
  }

  @Override
  public String toString() {
    return value;
  }
}
