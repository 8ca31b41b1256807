package org.planbok.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One idempotent call: who made it, with which key, what it asked (a fingerprint) and what it
 * answered. Written in the same transaction as the call's effect, so it exists exactly when the
 * effect does. The unique (scope, key) makes concurrent first attempts queue in the database.
 */
@Entity
@Table(
    name = "idempotency_record",
    uniqueConstraints =
        @UniqueConstraint(
            name = "idempotency_scope_key",
            columnNames = {"scope", "idempotency_key"}))
@NamedQuery(
    name = IdempotencyRecord.FIND,
    query = "SELECT r FROM IdempotencyRecord r WHERE r.scope = :scope AND r.key = :key")
@NamedQuery(
    name = IdempotencyRecord.EXPIRE,
    query = "DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
public class IdempotencyRecord {
  public static final String FIND = "IdempotencyRecord.find";
  public static final String EXPIRE = "IdempotencyRecord.expire";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 64)
  private String scope;

  @Column(name = "idempotency_key", nullable = false, length = 255)
  private String key;

  @Column(nullable = false, length = 32)
  private byte[] fingerprint;

  @Column(name = "response_status")
  private int responseStatus;

  @Column(name = "response_body", length = 65536)
  private String responseBody;

  @Column(name = "response_location", length = 2048)
  private String responseLocation;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotencyRecord() {}

  public IdempotencyRecord(String scope, String key, byte[] fingerprint, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.scope = Objects.requireNonNull(scope);
    this.key = Objects.requireNonNull(key);
    this.fingerprint = fingerprint.clone();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public byte[] fingerprint() {
    return fingerprint.clone();
  }

  public void answer(int status, String body, String location) {
    this.responseStatus = status;
    this.responseBody = body;
    this.responseLocation = location;
  }

  public int responseStatus() {
    return responseStatus;
  }

  public Optional<String> responseBody() {
    return Optional.ofNullable(responseBody);
  }

  public Optional<String> responseLocation() {
    return Optional.ofNullable(responseLocation);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
