package org.planbok.node2.policies.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The current signing policy of one scope ({@code organization:<id>} or {@code customer:<id>}) as
 * Node 1 last published it: its hash and whether it lets raw digests be signed. Node 2 never sees
 * the rules themselves.
 */
@Entity
@Table(name = "policy_hash")
public class PolicyHashRecord {
  @Id
  @Column(length = 200)
  private String scope;

  @Column(nullable = false, length = 32)
  private byte[] hash;

  @Column(nullable = false)
  private long version;

  @Column(name = "raw_digest", nullable = false)
  private boolean rawDigest;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  protected PolicyHashRecord() {}

  public PolicyHashRecord(String scope) {
    this.scope = scope;
  }

  public void publish(byte[] hash, long version, boolean rawDigest, Instant at) {
    this.hash = hash.clone();
    this.version = version;
    this.rawDigest = rawDigest;
    this.publishedAt = at;
  }

  public String scope() {
    return scope;
  }

  public byte[] hash() {
    return hash.clone();
  }

  public long version() {
    return version;
  }

  public boolean rawDigest() {
    return rawDigest;
  }
}
