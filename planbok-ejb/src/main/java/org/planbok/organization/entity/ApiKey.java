package org.planbok.organization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization's API key as stored: its public id, the hash of its secret (never the secret), a
 * label, and when it was created, last used and revoked. A revoked key stays, so the list shows
 * what was revoked and when.
 */
@Entity
@Table(
    name = "api_key",
    indexes = @Index(name = "api_key_organization", columnList = "organization_id,created_at"))
@NamedQuery(
    name = ApiKey.BY_ORGANIZATION,
    query =
        "SELECT k FROM ApiKey k WHERE k.organizationId = :organization"
            + " ORDER BY k.createdAt, k.id")
public class ApiKey {
  public static final String BY_ORGANIZATION = "ApiKey.byOrganization";

  /** How every key's text begins; "live" leaves room for test-mode keys later. */
  public static final String TEXT_PREFIX = "pbk_live_";

  /** Writing last-used-at on every request would turn every read into a write; once a minute do. */
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "secret_hash", nullable = false, length = 32)
  private byte[] secretHash;

  @Column(nullable = false, length = ApiKeyLabel.MAX_LENGTH)
  private String label;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {}

  public ApiKey(
      ApiKeyId id,
      OrganizationId organization,
      byte[] secretHash,
      ApiKeyLabel label,
      Instant createdAt) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.secretHash = secretHash.clone();
    this.label = label.value();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public ApiKeyId id() {
    return new ApiKeyId(UUID.fromString(id));
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public byte[] secretHash() {
    return secretHash.clone();
  }

  public ApiKeyLabel label() {
    return new ApiKeyLabel(label);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** Revokes the key; revoking again keeps the first time. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Records a use, at most once per {@link #LAST_USED_GRANULARITY}; true when it changed. */
  public boolean used(Instant now) {
    if (lastUsedAt == null
        || Duration.between(lastUsedAt, now).compareTo(LAST_USED_GRANULARITY) >= 0) {
      lastUsedAt = now;
      return true;
    }
    return false;
  }

  /** The public part of the key's text, safe to show in lists: {@code pbk_live_<id hex>}. */
  public String prefix() {
    return TEXT_PREFIX + id().hex();
  }
}
