package org.planbok.organization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A business that integrates Planbok through the API. It owns its customers, API keys and wallets;
 * nothing it owns is ever visible to another organization. Created by an operator.
 */
@Entity
@Table(name = "organization")
public class Organization {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = OrganizationName.MAX_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organization() {}

  public Organization(OrganizationId id, OrganizationName name, Instant createdAt) {
    this.id = id.toString();
    this.name = name.value();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public OrganizationId id() {
    return new OrganizationId(UUID.fromString(id));
  }

  public OrganizationName name() {
    return new OrganizationName(name);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
