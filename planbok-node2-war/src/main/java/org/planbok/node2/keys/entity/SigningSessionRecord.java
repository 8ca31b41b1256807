package org.planbok.node2.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One signing session Node 2 took part in, kept after it ends: its id can never be used again, the
 * sessions still open on a key are counted against the key's cap, and {@code decryptStartedAt}
 * records every ECDSA decryption (DESIGN §3, BitForge).
 *
 * <p>{@code suspect} is the durable mark set, and committed, before Node 2 decrypts a {@code c3};
 * it is cleared only once the signature it produced verified. A mark left standing means a
 * decryption whose outcome nobody recorded (a crash, a freeze that could not be written): once it
 * is older than {@code planbok.node2.keys.suspect-after} the key counts as frozen.
 */
@Entity
@Table(
    name = "node2_signing_session",
    indexes = {@Index(name = "node2_signing_session_key", columnList = "key_id, ended_at")})
public class SigningSessionRecord {
  @Id
  @Column(name = "session_id", length = 64)
  private String sessionId;

  @Column(name = "key_id", nullable = false, length = 64)
  private String keyId;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "decrypt_started_at")
  private Instant decryptStartedAt;

  @Column(nullable = false)
  private boolean suspect;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected SigningSessionRecord() {}

  public SigningSessionRecord(String sessionId, KeyId keyId, Instant openedAt) {
    this.sessionId = Objects.requireNonNull(sessionId);
    this.keyId = keyId.value();
    this.openedAt = Objects.requireNonNull(openedAt);
  }

  /** The mark written before decrypting. */
  public void markSuspect(Instant at) {
    decryptStartedAt = at;
    suspect = true;
  }

  /** The decryption's outcome is known: its signature verified, or the key froze. */
  public void clearSuspect() {
    suspect = false;
  }

  public void end(Instant at) {
    if (endedAt == null) {
      endedAt = at;
    }
  }

  public String sessionId() {
    return sessionId;
  }

  public KeyId keyId() {
    return KeyId.of(keyId);
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant decryptStartedAt() {
    return decryptStartedAt;
  }

  public boolean suspect() {
    return suspect;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
