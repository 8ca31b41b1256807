package org.planbok.node2.policies.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The organization a customer belongs to, as Node 1 named it at the customer's first enrollment,
 * never changed after: whose policy applies to the customer's SIGN tickets.
 */
@Entity
@Table(name = "subject_organization")
public class SubjectOrganizationRecord {
  @Id
  @Column(length = 200)
  private String subject;

  @Column(nullable = false, length = 64)
  private String organization;

  @Column(name = "bound_at", nullable = false)
  private Instant boundAt;

  protected SubjectOrganizationRecord() {}

  public SubjectOrganizationRecord(String subject, String organization, Instant boundAt) {
    this.subject = subject;
    this.organization = organization;
    this.boundAt = boundAt;
  }

  public String organization() {
    return organization;
  }
}
