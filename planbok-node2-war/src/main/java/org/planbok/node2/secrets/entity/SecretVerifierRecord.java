package org.planbok.node2.secrets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;

/**
 * The verifier of one secret of one subject (a customer's PIN, a customer's security answers, an
 * organization's secret) and its attempt counter. The verifier is an HMAC under the pepper key, and
 * sealed as well, so a database dump shows neither the secret nor anything to test a guess against.
 *
 * <p>Each enrollment draws {@code enrollment}, 16 random bytes the pepper binds: enrolling the same
 * secret again answers another pepper, so whoever may replace a secret (an ENROLL ticket) learns
 * nothing about the peppers of earlier enrollments and cannot test guesses against old wrappings.
 *
 * <p>The lockout level ({@code lockouts}) is not reset by a correct secret: it falls by one per
 * decay period after the last lockout ended, so guessing between one's own correct logins does not
 * reset the back-off.
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

  /** Random, drawn at each enrollment and bound into the pepper; not secret on its own. */
  @Column(nullable = false, length = ENROLLMENT)
  private byte[] enrollment;

  /** Wrong attempts since the last success or the end of the last lockout. */
  @Column(nullable = false)
  private int failures;

  /** The lockout level: each lockout raises it and doubles the next back-off; it decays. */
  @Column(nullable = false)
  private int lockouts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  /**
   * When the last lockout ended (or was to end), or the last decay step: the level falls by one per
   * decay period after it. Null at level 0.
   */
  @Column(name = "decays_from")
  private Instant decaysFrom;

  /** When an administrator last lifted a lockout early (at most once per interval). */
  @Column(name = "unlocked_at")
  private Instant unlockedAt;

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  /**
   * When this secret last replaced an earlier one (a PIN change or a recovery), null for a first
   * enrollment: exports wait a while after it (planbok.node2.exports.after-pin-replaced).
   */
  @Column(name = "replaced_at")
  private Instant replacedAt;

  public static final int ENROLLMENT = 16;

  protected SecretVerifierRecord() {}

  public SecretVerifierRecord(
      Subject subject, Purpose purpose, byte[] sealed, byte[] enrollment, Instant enrolledAt) {
    this.id = idOf(subject, purpose);
    this.subject = subject.value();
    this.purpose = purpose.label();
    reenroll(sealed, enrollment, enrolledAt);
  }

  /** Purposes contain no ':', so this is unambiguous. */
  public static String idOf(Subject subject, Purpose purpose) {
    return purpose.label() + ":" + subject.value();
  }

  /**
   * A new secret with its own enrollment bytes: its failures start over and a running lockout ends
   * (a recovery replaces a locked PIN), but the lockout level stays and decays as before.
   */
  public final void reenroll(byte[] sealed, byte[] enrollment, Instant at) {
    if (enrollment.length != ENROLLMENT) {
      throw new IllegalArgumentException("an enrollment is " + ENROLLMENT + " bytes");
    }
    if (this.enrolledAt != null) {
      this.replacedAt = at;
    }
    this.sealedVerifier = sealed.clone();
    this.enrollment = enrollment.clone();
    this.enrolledAt = at;
    failures = 0;
    lockedUntil = null;
  }

  /** A correct secret: the failures start over; the lockout level does not (it decays). */
  public final void succeeded() {
    failures = 0;
  }

  /**
   * Lowers the lockout level by one for every whole {@code period} since {@link #decaysFrom}; the
   * remainder of a period carries over, so checking often does not slow the decay.
   */
  public void decay(Instant now, Duration period) {
    if (lockouts == 0 || decaysFrom == null || !now.isAfter(decaysFrom)) {
      return;
    }
    long periods = Duration.between(decaysFrom, now).dividedBy(period);
    if (periods >= lockouts) {
      lockouts = 0;
      decaysFrom = null;
    } else if (periods > 0) {
      lockouts -= (int) periods;
      decaysFrom = decaysFrom.plus(period.multipliedBy(periods));
    }
  }

  /** Counts a wrong attempt; returns the failures so far. */
  public int failed() {
    return ++failures;
  }

  public void lockUntil(Instant until) {
    lockouts++;
    failures = 0;
    lockedUntil = until;
    decaysFrom = until;
  }

  /**
   * An administrator lifts the lockout: the failures start over, the lockouts are kept (the next
   * one lasts twice as long).
   */
  public void unlock(Instant now) {
    lockedUntil = null;
    failures = 0;
    unlockedAt = now;
    decaysFrom = now;
  }

  public Instant unlockedAt() {
    return unlockedAt;
  }

  public void lockExpired() {
    lockedUntil = null;
  }

  /** When this secret replaced an earlier one, or null for a first enrollment. */
  public Instant replacedAt() {
    return replacedAt;
  }

  public String id() {
    return id;
  }

  public byte[] enrollment() {
    return enrollment.clone();
  }

  public Instant decaysFrom() {
    return decaysFrom;
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
