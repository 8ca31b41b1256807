package org.planbok.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.organization.entity.OrganizationId;

/**
 * One protocol session Node 1 ran with Node 2 (key generation, signing, refresh, export), written
 * when it starts and again when it ends, each in its own transaction: a caller can poll a long
 * session, and the console lists them with their duration and outcome. Never holds a secret.
 */
@Entity
@Table(
    name = "protocol_session",
    indexes = @Index(name = "protocol_session_page", columnList = "organization_id,started_at,id"))
public class ProtocolSession {
  /** Running, or how it ended. */
  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  @Id
  @Column(length = 64)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 64)
  private String subject;

  @Column(name = "key_id", nullable = false, length = 36)
  private String keyId;

  @Column(nullable = false, length = 16)
  private String operation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Curve curve;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(length = 500)
  private String outcome;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "duration_micros")
  private Long durationMicros;

  protected ProtocolSession() {}

  public ProtocolSession(
      String sessionId,
      OrganizationId organization,
      String subject,
      KeyId keyId,
      String operation,
      Curve curve,
      Instant now) {
    this.id = Objects.requireNonNull(sessionId);
    this.organizationId = organization.toString();
    this.subject = Objects.requireNonNull(subject);
    this.keyId = keyId.toString();
    this.operation = Objects.requireNonNull(operation);
    this.curve = Objects.requireNonNull(curve);
    this.state = State.RUNNING;
    this.startedAt = Objects.requireNonNull(now);
  }

  public void finish(boolean succeeded, String outcome, Duration took, Instant now) {
    this.state = succeeded ? State.SUCCEEDED : State.FAILED;
    this.outcome = outcome == null ? null : outcome.substring(0, Math.min(500, outcome.length()));
    this.durationMicros = took.toNanos() / 1000;
    this.finishedAt = now;
  }

  public String id() {
    return id;
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public String subject() {
    return subject;
  }

  public KeyId keyId() {
    return new KeyId(UUID.fromString(keyId));
  }

  public String operation() {
    return operation;
  }

  public Curve curve() {
    return curve;
  }

  public State state() {
    return state;
  }

  public String outcome() {
    return outcome;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Long durationMicros() {
    return durationMicros;
  }
}
