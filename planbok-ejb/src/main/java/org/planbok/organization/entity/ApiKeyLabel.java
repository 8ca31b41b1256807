package org.planbok.organization.entity;

import org.planbok.refusal.Refused;

/** What an organization calls a key ("billing backend"), so it knows which one to revoke. */
public record ApiKeyLabel(String value) {
  public static final int MAX_LENGTH = 100;

  public ApiKeyLabel {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      throw Refused.invalid("label", "must be 1 to " + MAX_LENGTH + " characters and not blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
