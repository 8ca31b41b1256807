package org.planbok.node2.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Node 2's share of one joint key: the opaque versioned blob from {@code planbok-mpc} (for ECDSA it
 * holds xA and the Paillier secret key) sealed under the master key, the joint public key (not
 * secret), the two-phase state, and the frozen flag that survives restarts (DESIGN §3).
 *
 * <p>Each share is a <em>generation</em> named by the session that made it: the keygen's, then each
 * committed refresh's. A refresh stages its new share beside the current one as the <em>pending
 * generation</em> until Node 1 commits (it becomes current) or abandons it; there is at most one.
 */
@Entity
@Table(
    name = "node2_key_share",
    indexes = {
      @Index(name = "node2_key_share_state", columnList = "state, created_at"),
      @Index(name = "node2_key_share_pending", columnList = "pending_staged_at")
    })
public class KeyShareRecord {
  @Id
  @Column(name = "key_id", length = 64)
  private String keyId;

  /** Whose key it is (a customer or organization id): only tickets minted for them can use it. */
  @Column(nullable = false, length = 128)
  private String subject;

  @Column(nullable = false, length = 16)
  private String curve;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private KeyState state;

  @Column(name = "sealed_share", nullable = false, length = 65536)
  private byte[] sealedShare;

  @Column(name = "public_key_hex", nullable = false, length = 256)
  private String publicKeyHex;

  @Column(nullable = false)
  private boolean frozen;

  @Column(name = "frozen_at")
  private Instant frozenAt;

  @Column(name = "frozen_reason", length = 500)
  private String frozenReason;

  /** How often the key was frozen in its life; a refresh lifts only so many (SessionParties). */
  @Column(name = "freeze_count", nullable = false)
  private int freezeCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The keygen session. */
  @Column(name = "session_id", nullable = false, length = 64)
  private String sessionId;

  /** The session that made the current share: the keygen's, then each committed refresh's. */
  @Column(name = "generation_session_id", nullable = false, length = 64)
  private String generationSessionId;

  /** A refresh's new share until Node 1 commits or abandons it; sealed under its own purpose. */
  @Column(name = "pending_sealed_share", length = 65536)
  private byte[] pendingSealedShare;

  @Column(name = "pending_session_id", length = 64)
  private String pendingSessionId;

  @Column(name = "pending_staged_at")
  private Instant pendingStagedAt;

  protected KeyShareRecord() {}

  public KeyShareRecord(
      KeyId keyId,
      String subject,
      String curve,
      byte[] sealedShare,
      String publicKeyHex,
      String sessionId,
      Instant createdAt) {
    this.keyId = keyId.value();
    this.subject = Objects.requireNonNull(subject);
    this.curve = Objects.requireNonNull(curve);
    this.state = KeyState.PENDING;
    this.sealedShare = sealedShare.clone();
    this.publicKeyHex = Objects.requireNonNull(publicKeyHex);
    this.sessionId = Objects.requireNonNull(sessionId);
    this.generationSessionId = sessionId;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String subject() {
    return subject;
  }

  public void commit() {
    state = KeyState.COMMITTED;
  }

  public void replaceSealedShare(byte[] sealed) {
    sealedShare = sealed.clone();
  }

  /** Stages a refresh's share as the pending generation, replacing any earlier one. */
  public void stagePendingGeneration(byte[] sealed, String session, Instant at) {
    pendingSealedShare = sealed.clone();
    pendingSessionId = Objects.requireNonNull(session);
    pendingStagedAt = Objects.requireNonNull(at);
  }

  /** The pending generation becomes current; {@code sealed} is its share sealed as current. */
  public void commitPendingGeneration(byte[] sealed) {
    sealedShare = sealed.clone();
    generationSessionId = pendingSessionId;
    dropPendingGeneration();
  }

  public void dropPendingGeneration() {
    pendingSealedShare = null;
    pendingSessionId = null;
    pendingStagedAt = null;
  }

  public void freeze(String reason, Instant at) {
    if (!frozen) {
      frozenAt = at;
      freezeCount++;
    }
    frozen = true;
    frozenReason = reason;
  }

  public void unfreeze() {
    frozen = false;
    frozenAt = null;
    frozenReason = null;
  }

  public KeyId keyId() {
    return KeyId.of(keyId);
  }

  public String curve() {
    return curve;
  }

  public KeyState state() {
    return state;
  }

  public byte[] sealedShare() {
    return sealedShare.clone();
  }

  public String publicKeyHex() {
    return publicKeyHex;
  }

  public boolean frozen() {
    return frozen;
  }

  public Instant frozenAt() {
    return frozenAt;
  }

  public int freezeCount() {
    return freezeCount;
  }

  public String frozenReason() {
    return frozenReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String sessionId() {
    return sessionId;
  }

  public String generationSessionId() {
    return generationSessionId;
  }

  /** The pending generation's sealed share, or null when no refresh is staged. */
  public byte[] pendingSealedShare() {
    return pendingSealedShare == null ? null : pendingSealedShare.clone();
  }

  public String pendingSessionId() {
    return pendingSessionId;
  }

  public Instant pendingStagedAt() {
    return pendingStagedAt;
  }
}
