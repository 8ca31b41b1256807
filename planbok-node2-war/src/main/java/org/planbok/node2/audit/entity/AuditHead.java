package org.planbok.node2.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The tip of the audit chain: the last sequence number and hash, and an HMAC over both under a key
 * sealed in Node 2's database. Every append locks this one row, so appends are serialised and the
 * chain never forks; the HMAC lets the verifier notice a truncated or wholly recomputed tail, which
 * an unkeyed hash chain alone cannot.
 */
@Entity
@Table(name = "node2_audit_head")
public class AuditHead {
  public static final String SLOT = "head";

  @Id
  @Column(length = 16)
  private String slot;

  @Column(name = "last_seq", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 32)
  private byte[] lastHash;

  @Column(nullable = false, length = 32)
  private byte[] anchor;

  protected AuditHead() {}

  public AuditHead(long lastSequence, byte[] lastHash, byte[] anchor) {
    this.slot = SLOT;
    advance(lastSequence, lastHash, anchor);
  }

  public final void advance(long sequence, byte[] hash, byte[] anchor) {
    this.lastSequence = sequence;
    this.lastHash = hash.clone();
    this.anchor = anchor.clone();
  }

  public long lastSequence() {
    return lastSequence;
  }

  public byte[] lastHash() {
    return lastHash.clone();
  }

  public byte[] anchor() {
    return anchor.clone();
  }
}
