package org.planbok.organization.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies an organization; every customer, key and wallet belongs to exactly one. */
public record OrganizationId(UUID value) {
  public OrganizationId {
    Objects.requireNonNull(value);
  }

  public static OrganizationId random() {
    return new OrganizationId(UUID.randomUUID());
  }

  /** The identifier in a stored column or a path; empty when the text is not a UUID. */
  public static Optional<OrganizationId> parse(String text) {
    return Uuids.parse(text).map(OrganizationId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
