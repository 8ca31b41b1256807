package org.planbok.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.organization.entity.OrganizationId;

/**
 * An end user of one organization. The organization knows them by its {@link ExternalRef} (unique
 * within the organization) and Planbok by their {@link CustomerId}. Optimistically locked:
 * concurrent changes to one customer never silently overwrite each other.
 */
@Entity
@Table(
    name = "customer",
    uniqueConstraints =
        @UniqueConstraint(
            name = "customer_external_ref",
            columnNames = {"organization_id", "external_ref"}),
    indexes = @Index(name = "customer_page", columnList = "organization_id,created_at,id"))
public class Customer {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "external_ref", nullable = false, length = ExternalRef.MAX_LENGTH)
  private String externalRef;

  @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CustomerStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Customer() {}

  public Customer(
      CustomerId id,
      OrganizationId organization,
      ExternalRef externalRef,
      EmailAddress email,
      Instant now) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.externalRef = externalRef.value();
    this.email = email.value();
    this.status = CustomerStatus.ACTIVE;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  public CustomerId id() {
    return new CustomerId(UUID.fromString(id));
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public boolean belongsTo(OrganizationId organization) {
    return organizationId.equals(organization.toString());
  }

  public ExternalRef externalRef() {
    return new ExternalRef(externalRef);
  }

  public EmailAddress email() {
    return new EmailAddress(email);
  }

  public CustomerStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** Disables the customer; disabling a disabled customer changes nothing. */
  public void disable(Instant now) {
    if (status != CustomerStatus.DISABLED) {
      status = CustomerStatus.DISABLED;
      updatedAt = now;
    }
  }
}
