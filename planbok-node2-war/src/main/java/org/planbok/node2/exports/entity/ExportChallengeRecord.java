package org.planbok.node2.exports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A challenge Node 2 minted for one export of a subject's key, kept until it expires. Its id is
 * SHA-256 of the challenge (hex), so the row does not hold the bytes a device seals against; {@code
 * usedAt} is set exactly once, by a conditional update, when an export session presents it.
 */
@Entity
@Table(
    name = "node2_export_challenge",
    indexes = {@Index(name = "node2_export_challenge_expiry", columnList = "expires_at")})
public class ExportChallengeRecord {
  @Id
  @Column(length = 64)
  private String id;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(name = "key_id", nullable = false, length = 64)
  private String keyId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected ExportChallengeRecord() {}

  public ExportChallengeRecord(
      String id, String subject, String keyId, Instant issuedAt, Instant expiresAt) {
    this.id = Objects.requireNonNull(id);
    this.subject = Objects.requireNonNull(subject);
    this.keyId = Objects.requireNonNull(keyId);
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public String id() {
    return id;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
