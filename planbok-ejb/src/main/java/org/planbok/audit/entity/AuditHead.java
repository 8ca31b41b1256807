package org.planbok.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The tip of one audit chain: its last sequence number and hash. Every append to the chain locks
 * this row, so appends are serialised and the chain never forks; the verifier compares it with the
 * last row, so a deleted tail shows. (Node 2's head also carries an HMAC under a sealed key; Node 1
 * holds no key of its own, see docs/operations.md.)
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {
  @Id
  @Column(length = 64)
  private String chain;

  @Column(name = "last_seq", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 32)
  private byte[] lastHash;

  protected AuditHead() {}

  public AuditHead(String chain, long lastSequence, byte[] lastHash) {
    this.chain = chain;
    advance(lastSequence, lastHash);
  }

  public final void advance(long sequence, byte[] hash) {
    this.lastSequence = sequence;
    this.lastHash = hash.clone();
  }

  public String chain() {
    return chain;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public byte[] lastHash() {
    return lastHash.clone();
  }
}
