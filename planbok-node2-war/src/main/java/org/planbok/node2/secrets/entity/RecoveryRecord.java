package org.planbok.node2.secrets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;

/**
 * A recovery of a subject's delayed secret (the emailed kit), opened with the right kit: Node 2
 * answers the kit's pepper only from {@code maturesAt} until {@code closesAt}, and never once it is
 * cancelled or closed. Holds no secret.
 */
@Entity
@Table(
    name = "node2_recovery",
    indexes = @Index(name = "node2_recovery_open", columnList = "subject,purpose,state"))
public class RecoveryRecord {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 16)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RecoveryState state;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "matures_at", nullable = false)
  private Instant maturesAt;

  @Column(name = "closes_at", nullable = false)
  private Instant closesAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected RecoveryRecord() {}

  public RecoveryRecord(
      String id,
      Subject subject,
      Purpose purpose,
      Instant startedAt,
      Instant maturesAt,
      Instant closesAt) {
    this.id = Objects.requireNonNull(id);
    this.subject = subject.value();
    this.purpose = purpose.label();
    this.state = RecoveryState.WAITING;
    this.startedAt = Objects.requireNonNull(startedAt);
    this.maturesAt = Objects.requireNonNull(maturesAt);
    this.closesAt = Objects.requireNonNull(closesAt);
  }

  public String id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public RecoveryState state() {
    return state;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant maturesAt() {
    return maturesAt;
  }

  public Instant closesAt() {
    return closesAt;
  }

  public boolean maturedAt(Instant now) {
    return !now.isBefore(maturesAt);
  }

  public void released(Instant now) {
    if (releasedAt == null) {
      releasedAt = now;
    }
    state = RecoveryState.RELEASED;
  }

  public void end(RecoveryState finalState, Instant now) {
    if (finalState != RecoveryState.CANCELLED && finalState != RecoveryState.CLOSED) {
      throw new IllegalArgumentException("a recovery ends cancelled or closed");
    }
    state = finalState;
    endedAt = now;
  }
}
