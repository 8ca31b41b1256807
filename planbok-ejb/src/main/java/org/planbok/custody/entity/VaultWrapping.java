package org.planbok.custody.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The vault key wrapped for one unlock method: AES-256-GCM under {@code KEK = HKDF(pepper ‖
 * secret)}, where only Node 2 can answer the pepper, and only for the right secret (DESIGN §5).
 * Also holds Node 1's Argon2id verifier of that pepper, which tells a right pepper from a wrong one
 * before anything is unwrapped.
 */
@Entity
@Table(name = "vault_wrapping")
public class VaultWrapping {
  @Id
  @Column(length = 96)
  private String id;

  @Column(nullable = false, length = 64)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SecretPurpose purpose;

  @Column(name = "wrapped_key", nullable = false, length = 128)
  private byte[] wrappedKey;

  @Column(name = "pepper_verifier", nullable = false, length = 256)
  private String pepperVerifier;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected VaultWrapping() {}

  public VaultWrapping(
      Subject subject,
      SecretPurpose purpose,
      byte[] wrappedKey,
      String pepperVerifier,
      Instant now) {
    this.id = idOf(subject, purpose);
    this.subject = subject.value();
    this.purpose = purpose;
    this.wrappedKey = wrappedKey.clone();
    this.pepperVerifier = Objects.requireNonNull(pepperVerifier);
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  public static String idOf(Subject subject, SecretPurpose purpose) {
    return subject.value() + "/" + purpose.label();
  }

  public Subject subject() {
    return new Subject(subject);
  }

  public SecretPurpose purpose() {
    return purpose;
  }

  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  public String pepperVerifier() {
    return pepperVerifier;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** After a secret change: the same vault key under the new secret's KEK. */
  public void rewrap(byte[] wrappedKey, String pepperVerifier, Instant now) {
    this.wrappedKey = wrappedKey.clone();
    this.pepperVerifier = Objects.requireNonNull(pepperVerifier);
    this.updatedAt = now;
  }
}
