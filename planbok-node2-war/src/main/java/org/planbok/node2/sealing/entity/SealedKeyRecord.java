package org.planbok.node2.sealing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A random key Node 2 made once and keeps sealed under the master key (for example the pepper key),
 * so that rotating the master key re-seals it instead of changing everything derived from it.
 */
@Entity
@Table(name = "node2_sealed_key")
public class SealedKeyRecord {
  @Id
  @Column(length = 64)
  private String name;

  @Column(name = "sealed_key", nullable = false, length = 256)
  private byte[] sealedKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SealedKeyRecord() {}

  public SealedKeyRecord(String name, byte[] sealedKey, Instant createdAt) {
    this.name = Objects.requireNonNull(name);
    this.sealedKey = sealedKey.clone();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String name() {
    return name;
  }

  public byte[] sealedKey() {
    return sealedKey.clone();
  }

  public void resealed(byte[] sealed) {
    this.sealedKey = sealed.clone();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
