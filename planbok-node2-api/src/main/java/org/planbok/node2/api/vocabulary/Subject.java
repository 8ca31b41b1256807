package org.planbok.node2.api.vocabulary;

import java.util.Objects;

/**
 * Whose secret protects a key: a customer ({@code customer:<id>}) or an organization for its own
 * wallets ({@code organization:<id>}). Node 2 binds secrets, tickets, keys and audit rows to {@link
 * #value()}, so a ticket minted for one subject never works for another's key.
 */
public record Subject(String value) {
  public Subject {
    SubjectKind.require(Objects.requireNonNull(value, "subject"));
  }

  /**
   * The subject of this text.
   *
   * @throws IllegalArgumentException when it is neither "customer:…" nor "organization:…"
   */
  public static Subject of(String value) {
    return new Subject(value);
  }

  public static Subject customer(String id) {
    return new Subject(SubjectKind.CUSTOMER.prefix() + id);
  }

  public static Subject organization(String id) {
    return new Subject(SubjectKind.ORGANIZATION.prefix() + id);
  }

  public SubjectKind kind() {
    return SubjectKind.require(value);
  }

  public boolean isOrganization() {
    return kind() == SubjectKind.ORGANIZATION;
  }

  /** The customer's or organization's id, without the prefix. */
  public String id() {
    return value.substring(kind().prefix().length());
  }

  @Override
  public String toString() {
    return value;
  }
}
