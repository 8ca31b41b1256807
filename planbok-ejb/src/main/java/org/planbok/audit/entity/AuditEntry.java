package org.planbok.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One row of a Node 1 audit chain: who ({@code actor}) did what ({@code action}) to what ({@code
 * target}), how it ended and a short detail. Written once, never updated: {@code hash} covers every
 * field and {@code prevHash}, the hash of the row before in the same chain, so a changed, removed
 * or reordered row breaks the chain. Never holds a secret.
 */
@Entity
@IdClass(AuditEntryKey.class)
@Table(
    name = "audit_entry",
    uniqueConstraints = @UniqueConstraint(name = "audit_entry_hash", columnNames = "row_hash"))
public class AuditEntry {
  public static final int ACTOR = 200;
  public static final int ACTION = 64;
  public static final int TARGET = 200;
  public static final int OUTCOME = 32;
  public static final int DETAIL = 1000;

  @Id
  @Column(length = 64)
  private String chain;

  @Id
  @Column(name = "seq")
  private long sequence;

  // Epoch microseconds, not a TIMESTAMP: a timestamp column may round or shift with the JVM's time
  // zone, and the hash must cover exactly what is stored.
  @Column(name = "at_epoch_us", nullable = false)
  private long atEpochMicros;

  @Column(nullable = false, length = ACTOR)
  private String actor;

  @Column(nullable = false, length = ACTION)
  private String action;

  @Column(nullable = false, length = TARGET)
  private String target;

  @Column(nullable = false, length = OUTCOME)
  private String outcome;

  @Column(nullable = false, length = DETAIL)
  private String detail;

  @Column(name = "prev_hash", nullable = false, length = 32)
  private byte[] prevHash;

  @Column(name = "row_hash", nullable = false, length = 32)
  private byte[] hash;

  protected AuditEntry() {}

  public AuditEntry(
      String chain,
      long sequence,
      long atEpochMicros,
      String actor,
      String action,
      String target,
      String outcome,
      String detail,
      byte[] prevHash,
      byte[] hash) {
    this.chain = chain;
    this.sequence = sequence;
    this.atEpochMicros = atEpochMicros;
    this.actor = actor;
    this.action = action;
    this.target = target;
    this.outcome = outcome;
    this.detail = detail;
    this.prevHash = prevHash.clone();
    this.hash = hash.clone();
  }

  public String chain() {
    return chain;
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return Instant.EPOCH.plus(atEpochMicros, ChronoUnit.MICROS);
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }

  public byte[] hash() {
    return hash.clone();
  }
}
