package org.planbok.custody.entity;

import java.util.Objects;
import org.planbok.customer.entity.CustomerId;
import org.planbok.organization.entity.OrganizationId;

/**
 * Whose secret protects a key: a customer ({@code customer:<uuid>}) or an organization for its own
 * wallets ({@code organization:<uuid>}). Node 2 binds secrets, tickets and keys to this text, so a
 * ticket minted for one subject never works for another's key.
 */
public record Subject(String value) {
  public Subject {
    Objects.requireNonNull(value, "subject");
    if (!value.startsWith("customer:") && !value.startsWith("organization:")) {
      throw new IllegalArgumentException("a subject is customer:<uuid> or organization:<uuid>");
    }
  }

  public static Subject customer(CustomerId id) {
    return new Subject("customer:" + id);
  }

  public static Subject organization(OrganizationId id) {
    return new Subject("organization:" + id);
  }

  public boolean isOrganization() {
    return value.startsWith("organization:");
  }

  @Override
  public String toString() {
    return value;
  }
}
