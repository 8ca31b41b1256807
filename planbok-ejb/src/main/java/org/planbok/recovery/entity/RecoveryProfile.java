package org.planbok.recovery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.entity.OrganizationId;

/**
 * A customer's recovery settings: the {@code recoverySalt} the device derives {@code answersSecret}
 * with (a second salt, not the PIN's, issued once and never changed, not secret), the questions
 * (not secret; the answers never reach Planbok), and the last recovery: when, how, and whether
 * every step after it is done. The wrappings themselves are custody's {@code VaultWrapping} rows.
 */
@Entity
@Table(name = "recovery_profile")
public class RecoveryProfile {
  @Id
  @Column(length = 64)
  private String subject;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "recovery_salt", nullable = false, length = 16)
  private byte[] recoverySalt;

  @Column(length = 4096)
  private String questions;

  @Column(name = "recovered_at")
  private Instant recoveredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "recovered_with", length = 16)
  private RecoveryMethod recoveredWith;

  /** A fresh kit is owed: email recovery was set up when the recovery removed its wrapping. */
  @Column(name = "kit_owed", nullable = false)
  private boolean kitOwed;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected RecoveryProfile() {}

  public RecoveryProfile(Subject subject, OrganizationId organization, byte[] recoverySalt) {
    this.subject = subject.value();
    this.organizationId = organization.toString();
    this.recoverySalt = recoverySalt.clone();
  }

  public Subject subject() {
    return new Subject(subject);
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public byte[] recoverySalt() {
    return recoverySalt.clone();
  }

  public Optional<SecurityQuestions> questions() {
    return Optional.ofNullable(questions).map(SecurityQuestions::decode);
  }

  public void questions(SecurityQuestions set) {
    this.questions = set == null ? null : set.encode();
  }

  public Optional<Instant> recoveredAt() {
    return Optional.ofNullable(recoveredAt);
  }

  public Optional<RecoveryMethod> recoveredWith() {
    return Optional.ofNullable(recoveredWith);
  }

  public boolean kitOwed() {
    return kitOwed;
  }

  /** The last recovery's steps after the switch to the new vault key are not all done. */
  public boolean unfinished() {
    return recoveredAt != null && finishedAt == null;
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /** The switch to a new vault key was made; what follows it is still to do. */
  public void recovered(RecoveryMethod method, Instant at, boolean owesKit) {
    this.recoveredWith = Objects.requireNonNull(method);
    this.recoveredAt = Objects.requireNonNull(at);
    this.kitOwed = owesKit || this.kitOwed;
    this.finishedAt = null;
  }

  public void kitIssued() {
    this.kitOwed = false;
  }

  public void finished(Instant at) {
    this.finishedAt = at;
  }
}
