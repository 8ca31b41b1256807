package org.planbok.node2.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The one row that names this Node 2 installation. */
@Entity
@Table(name = "node2_identity")
public class NodeIdentityRecord {
  static final String SINGLETON = "self";

  @Id
  @Column(length = 16)
  private String slot;

  @Column(name = "node_id", nullable = false, length = 64)
  private String nodeId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected NodeIdentityRecord() {}

  NodeIdentityRecord(String nodeId, Instant createdAt) {
    this.slot = SINGLETON;
    this.nodeId = Objects.requireNonNull(nodeId);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String nodeId() {
    return nodeId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
