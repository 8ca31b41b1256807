package org.planbok.custody.entity;

import java.util.Objects;
import org.planbok.customer.entity.CustomerId;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.organization.entity.OrganizationId;

/**
 * Whose secret protects a key: a customer ({@code customer:<uuid>}) or an organization for its own
 * wallets ({@code organization:<uuid>}). Node 2 binds secrets, tickets and keys to this text, so a
 * ticket minted for one subject never works for another's key; the prefixes are the contract's
 * ({@link SubjectKind}).
 */
public record Subject(String value) {
  public Subject {
    Objects.requireNonNull(value, "subject");
    if (SubjectKind.of(value).isEmpty()) {
      throw new IllegalArgumentException("a subject is customer:<uuid> or organization:<uuid>");
    }
  }

  public static Subject customer(CustomerId id) {
    return new Subject(SubjectKind.CUSTOMER.prefix() + id);
  }

  public static Subject organization(OrganizationId id) {
    return new Subject(SubjectKind.ORGANIZATION.prefix() + id);
  }

  public boolean isOrganization() {
    return contract().isOrganization();
  }

  /** The subject as the Node 1 ⇄ Node 2 contract names it. */
  public org.planbok.node2.api.vocabulary.Subject contract() {
    return org.planbok.node2.api.vocabulary.Subject.of(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
