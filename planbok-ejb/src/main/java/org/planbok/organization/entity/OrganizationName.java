package org.planbok.organization.entity;

import org.planbok.refusal.Refused;

/** An organization's display name: 1 to 200 characters, not blank. */
public record OrganizationName(String value) {
  public static final int MAX_LENGTH = 200;

  public OrganizationName {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      throw Refused.invalid("name", "must be 1 to " + MAX_LENGTH + " characters and not blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
