package org.planbok.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The signing policy of one scope: an organization ({@code organization:<id>}, for all its wallets)
 * or one customer ({@code customer:<id>}, narrowing the organization's for theirs). The document is
 * kept in its canonical form; {@code hash} is its SHA-256 and {@code version} counts its
 * replacements, from 1.
 */
@Entity
@Table(
    name = "signing_policy",
    indexes = @Index(name = "signing_policy_org", columnList = "organization_id"))
public class SigningPolicy {
  @Id
  @Column(length = 64)
  private String scope;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false)
  private long version;

  @Column(nullable = false, length = 64)
  private String hash;

  @Lob
  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected SigningPolicy() {}

  public SigningPolicy(String scope, String organizationId) {
    this.scope = scope;
    this.organizationId = organizationId;
    this.version = 0;
  }

  /** Replaces the document and counts a version. */
  public void replace(String document, String hash, Instant at, String by) {
    this.document = document;
    this.hash = hash;
    this.updatedAt = at;
    this.updatedBy = by;
    this.version++;
  }

  public String scope() {
    return scope;
  }

  public String organizationId() {
    return organizationId;
  }

  public long version() {
    return version;
  }

  public String hash() {
    return hash;
  }

  public String document() {
    return document;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
