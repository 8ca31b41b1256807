package org.planbok.recovery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.planbok.custody.entity.Subject;

/**
 * A customer's recovery by email as Node 1 sees it: the one-time code that proves the mailbox (only
 * its HMAC under the database key, its expiry and its wrong attempts; at most one code at a time,
 * and at most a few a day) and the recovery Node 2 opened with the kit, once the customer was told
 * about it. Node 2 enforces the wait; Node 1 only refuses to complete a recovery it never
 * announced.
 */
@Entity
@Table(name = "email_recovery")
public class EmailRecovery {
  @Id
  @Column(length = 64)
  private String subject;

  @Column(name = "code_hash", length = 32)
  private byte[] codeHash;

  @Column(name = "code_salt", length = 16)
  private byte[] codeSalt;

  @Column(name = "code_expires_at")
  private Instant codeExpiresAt;

  @Column(name = "code_attempts", nullable = false)
  private int codeAttempts;

  @Column(name = "last_code_at")
  private Instant lastCodeAt;

  @Column(name = "codes_window_start")
  private Instant codesWindowStart;

  @Column(name = "codes_in_window", nullable = false)
  private int codesInWindow;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "matures_at")
  private Instant maturesAt;

  @Column(name = "notice_sent_at")
  private Instant noticeSentAt;

  @Version private long version;

  protected EmailRecovery() {}

  public EmailRecovery(Subject subject) {
    this.subject = subject.value();
  }

  public Subject subject() {
    return new Subject(subject);
  }

  // --- the one-time code -------------------------------------------------------------------------

  public Optional<Instant> lastCodeAt() {
    return Optional.ofNullable(lastCodeAt);
  }

  public Optional<Instant> codesWindowStart() {
    return Optional.ofNullable(codesWindowStart);
  }

  public int codesInWindow() {
    return codesInWindow;
  }

  /** A new code replaces any earlier one. */
  public void codeIssued(
      byte[] hash, byte[] salt, Instant now, Instant expires, boolean newWindow) {
    codeHash = hash.clone();
    codeSalt = salt.clone();
    codeExpiresAt = expires;
    codeAttempts = 0;
    lastCodeAt = now;
    if (newWindow) {
      codesWindowStart = now;
      codesInWindow = 0;
    }
    codesInWindow++;
  }

  public boolean hasLiveCode(Instant now, int maxAttempts) {
    return codeHash != null && now.isBefore(codeExpiresAt) && codeAttempts < maxAttempts;
  }

  public byte[] codeHash() {
    return codeHash == null ? null : codeHash.clone();
  }

  public byte[] codeSalt() {
    return codeSalt == null ? null : codeSalt.clone();
  }

  public Instant codeExpiresAt() {
    return codeExpiresAt;
  }

  public int codeAttempts() {
    return codeAttempts;
  }

  /** A wrong code; returns the attempts made on this code. */
  public int codeFailed() {
    return ++codeAttempts;
  }

  /** The code did its job (or must not be used again). */
  public void codeUsed() {
    codeHash = null;
    codeSalt = null;
    codeExpiresAt = null;
  }

  // --- the recovery Node 2 opened
  // ------------------------------------------------------------------

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public Optional<Instant> maturesAt() {
    return Optional.ofNullable(maturesAt);
  }

  /** Node 1 told the customer about the recovery (so it may complete once Node 2 lets it). */
  public boolean announced() {
    return noticeSentAt != null;
  }

  public void announced(Instant started, Instant matures, Instant noticeSent) {
    this.startedAt = started;
    this.maturesAt = matures;
    this.noticeSentAt = noticeSent;
  }

  /** Cancelled, completed, or its kit replaced: no recovery is waiting any more. */
  public void recoveryEnded() {
    startedAt = null;
    maturesAt = null;
    noticeSentAt = null;
  }
}
