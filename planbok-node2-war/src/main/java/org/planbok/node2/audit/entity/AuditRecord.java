package org.planbok.node2.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One row of Node 2's audit log. Written once, never updated: {@code hash} covers every field and
 * {@code prevHash}, the hash of the row before, so changing, removing or reordering rows breaks the
 * chain. Never holds a secret.
 */
@Entity
@Table(
    name = "node2_audit",
    uniqueConstraints = @UniqueConstraint(name = "node2_audit_hash", columnNames = "row_hash"))
public class AuditRecord {
  public static final int SESSION_ID = 64;
  public static final int OPERATION = 64;
  public static final int SUBJECT = 200;
  public static final int OUTCOME = 32;
  public static final int DETAIL = 1000;

  @Id
  @Column(name = "seq")
  private long sequence;

  // Epoch milliseconds, not a TIMESTAMP: a timestamp column may round or shift with the JVM's time
  // zone, and the hash must cover exactly what is stored.
  @Column(name = "at_epoch_ms", nullable = false)
  private long atEpochMs;

  @Column(name = "session_id", nullable = false, length = SESSION_ID)
  private String sessionId;

  @Column(nullable = false, length = OPERATION)
  private String operation;

  @Column(nullable = false, length = SUBJECT)
  private String subject;

  @Column(nullable = false, length = OUTCOME)
  private String outcome;

  @Column(nullable = false, length = DETAIL)
  private String detail;

  @Column(name = "prev_hash", nullable = false, length = 32)
  private byte[] prevHash;

  @Column(name = "row_hash", nullable = false, length = 32)
  private byte[] hash;

  protected AuditRecord() {}

  public AuditRecord(
      long sequence,
      long atEpochMs,
      String sessionId,
      String operation,
      String subject,
      String outcome,
      String detail,
      byte[] prevHash,
      byte[] hash) {
    this.sequence = sequence;
    this.atEpochMs = atEpochMs;
    this.sessionId = sessionId;
    this.operation = operation;
    this.subject = subject;
    this.outcome = outcome;
    this.detail = detail;
    this.prevHash = prevHash.clone();
    this.hash = hash.clone();
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return Instant.ofEpochMilli(atEpochMs);
  }

  public String sessionId() {
    return sessionId;
  }

  public String operation() {
    return operation;
  }

  public String subject() {
    return subject;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }
}
