package org.planbok.node2.secrets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The verifier of one secret of one subject (a customer's PIN, a customer's security answers, an
 * organization's secret) and its attempt counter. The verifier is an HMAC under the pepper key, and
 * sealed as well, so a database dump shows neither the secret nor anything to test a guess against.
 */
@Entity
@Table(name = "node2_secret_verifier")
public class SecretVerifierRecord {
  @Id
  @Column(length = 240)
  private String id;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 16)
  private String purpose;

  @Column(name = "sealed_verifier", nullable = false, length = 256)
  private byte[] sealedVerifier;

  /** Wrong attempts since the last success or the end of the last lockout. */
  @Column(nullable = false)
  private int failures;

  /** Lockouts since the last success; each one doubles the next back-off. */
  @Column(nullable = false)
  private int lockouts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  /** When an administrator last lifted a lockout early (at most once per interval). */
  @Column(name = "unlocked_at")
  private Instant unlockedAt;

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  protected SecretVerifierRecord() {}

  public SecretVerifierRecord(String subject, String purpose, byte[] sealed, Instant enrolledAt) {
    this.id = idOf(subject, purpose);
    this.subject = Objects.requireNonNull(subject);
    this.purpose = Objects.requireNonNull(purpose);
    reenroll(sealed, enrolledAt);
  }

  /** Purposes contain no ':', so this is unambiguous. */
  public static String idOf(String subject, String purpose) {
    return purpose + ":" + subject;
  }

  public final void reenroll(byte[] sealed, Instant at) {
    this.sealedVerifier = sealed.clone();
    this.enrolledAt = at;
    succeeded();
  }

  public final void succeeded() {
    failures = 0;
    lockouts = 0;
    lockedUntil = null;
  }

  /** Counts a wrong attempt; returns the failures so far. */
  public int failed() {
    return ++failures;
  }

  public void lockUntil(Instant until) {
    lockouts++;
    failures = 0;
    lockedUntil = until;
  }

  /**
   * An administrator lifts the lockout: the failures start over, the lockouts are kept (the next
   * one lasts twice as long).
   */
  public void unlock(Instant now) {
    lockedUntil = null;
    failures = 0;
    unlockedAt = now;
  }

  public Instant unlockedAt() {
    return unlockedAt;
  }

  public void lockExpired() {
    lockedUntil = null;
  }

  public String id() {
    return id;
  }

  public byte[] sealedVerifier() {
    return sealedVerifier.clone();
  }

  public void resealed(byte[] sealed) {
    sealedVerifier = sealed.clone();
  }

  public int failures() {
    return failures;
  }

  public int lockouts() {
    return lockouts;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }
}
