package org.planbok.node2.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.keys.control.KeyRefused.Reason;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.keys.entity.SigningSessionRecord;
import org.planbok.node2.store.control.Node2Store;

/**
 * The freeze as every open signing session sees it (DESIGN §3 and §6: a freeze stops every open
 * session before it decrypts). A freeze checked only when a session opens would let a peer open
 * many sessions while the key is unfrozen and then probe one bit of the share with each (BitForge,
 * CVE-2023-33242); so each decision here is taken under the key's row lock, where a freeze written
 * by any session or replica is already visible:
 *
 * <ul>
 *   <li>{@link #open}: the session id was never used before (a replayed one is refused), the key is
 *       not frozen, and fewer than {@code planbok.node2.keys.max-concurrent-signing} (default 4)
 *       sessions are open on it. The cap bounds what a burst of simultaneous bad {@code c3}s can
 *       learn before the first freeze lands: at most that many bits per freeze.
 *   <li>{@link #beforeDecrypt}: after {@code c3} arrives, the freeze is read again, and a durable
 *       suspect mark is committed before Node 2 decrypts; a session older than {@code
 *       planbok.node2.keys.signing-session-max-age} (default {@code PT60S}, Node 1's own deadline)
 *       may no longer decrypt, so every session that can decrypt is one the cap counts.
 *   <li>{@link #verified} clears the mark once the signature verified; {@link #failed} freezes the
 *       key and clears it in one transaction. A mark left standing (a crash between decrypting and
 *       recording the outcome, a freeze that could not be written) turns into a freeze once it is
 *       older than {@code planbok.node2.keys.suspect-after} (default {@code PT30S}): an outcome
 *       that was never recorded counts as a failed one, so no failure can leak a bit unfrozen.
 * </ul>
 *
 * <p>The refusals are answers, not exceptions, so a freeze written on the way (a stale mark) is
 * committed with the refusal.
 */
@ApplicationScoped
public class SigningSessions {
  /** Whether the session may go on, and if not why. */
  public enum Admission {
    ADMITTED,
    FROZEN,
    /** The key already has its cap of open signing sessions. */
    BUSY,
    /** The session id was used before. */
    REUSED_SESSION,
    /** The session ran past {@code signing-session-max-age}, or decrypts a second time. */
    EXPIRED
  }

  private EntityManager em;
  private KeyShares keyShares;
  private Clock clock;
  private int maxConcurrent;
  private Duration suspectAfter;
  private Duration maxAge;

  SigningSessions() {
    // for the CDI proxy
  }

  @Inject
  public SigningSessions(
      @Node2Store EntityManager em,
      KeyShares keyShares,
      Clock clock,
      @ConfigProperty(name = "planbok.node2.keys.max-concurrent-signing", defaultValue = "4")
          int maxConcurrent,
      @ConfigProperty(name = "planbok.node2.keys.suspect-after", defaultValue = "PT30S")
          Duration suspectAfter,
      @ConfigProperty(name = "planbok.node2.keys.signing-session-max-age", defaultValue = "PT60S")
          Duration maxAge) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("planbok.node2.keys.max-concurrent-signing must be ≥ 1");
    }
    this.em = em;
    this.keyShares = keyShares;
    this.clock = clock;
    this.maxConcurrent = maxConcurrent;
    this.suspectAfter = suspectAfter;
    this.maxAge = maxAge;
  }

  /** Records a new signing session on the key, if the key takes one now. */
  @Transactional
  public Admission open(KeyId id, String sessionId) {
    KeyShareRecord key = lockedKey(id);
    if (em.find(SigningSessionRecord.class, sessionId) != null) {
      return Admission.REUSED_SESSION;
    }
    if (frozen(key)) {
      return Admission.FROZEN;
    }
    Instant now = clock.instant();
    long open =
        em.createQuery(
                "SELECT COUNT(s) FROM SigningSessionRecord s WHERE s.keyId = :key"
                    + " AND s.endedAt IS NULL AND s.openedAt > :since",
                Long.class)
            .setParameter("key", id.value())
            .setParameter("since", now.minus(maxAge))
            .getSingleResult();
    if (open >= maxConcurrent) {
      return Admission.BUSY;
    }
    em.persist(new SigningSessionRecord(sessionId, id, now));
    return Admission.ADMITTED;
  }

  /**
   * After {@code c3} arrived and before it is decrypted: the freeze read again under the key's row
   * lock, and the suspect mark committed with this transaction when the session may go on.
   */
  @Transactional
  public Admission beforeDecrypt(KeyId id, String sessionId) {
    KeyShareRecord key = lockedKey(id);
    SigningSessionRecord session = em.find(SigningSessionRecord.class, sessionId);
    if (session == null || !session.keyId().equals(id)) {
      throw new IllegalStateException("signing session " + sessionId + " was never opened");
    }
    if (frozen(key)) {
      return Admission.FROZEN;
    }
    Instant now = clock.instant();
    if (session.decryptStartedAt() != null
        || session.endedAt() != null
        || !session.openedAt().isAfter(now.minus(maxAge))) {
      return Admission.EXPIRED;
    }
    session.markSuspect(now);
    return Admission.ADMITTED;
  }

  /** The decrypted signature verified: the mark goes, the session ends. */
  @Transactional
  public void verified(String sessionId) {
    SigningSessionRecord session = em.find(SigningSessionRecord.class, sessionId);
    session.clearSuspect();
    session.end(clock.instant());
  }

  /** The decrypted signature did not verify: the key freezes and the mark goes, together. */
  @Transactional
  public void failed(KeyId id, String sessionId, String reason) {
    keyShares.freeze(id, reason, sessionId);
    SigningSessionRecord session = em.find(SigningSessionRecord.class, sessionId);
    session.clearSuspect();
    session.end(clock.instant());
  }

  /** The session ended otherwise (refused, abandoned); a mark it left stays. */
  @Transactional
  public void ended(String sessionId) {
    SigningSessionRecord session = em.find(SigningSessionRecord.class, sessionId);
    if (session != null) {
      session.end(clock.instant());
    }
  }

  /**
   * At start-up: the sessions still recorded as open belonged to a process that is gone (a crash
   * ends no session), so they stop counting against their key's cap; their suspect marks stay. With
   * several replicas this also ends the sessions another replica is running: they are refused when
   * their {@code c3} arrives ({@code EXPIRED}), which is safe, and rare. Returns how many.
   */
  @Transactional
  public int endAllOpen() {
    return em.createQuery(
            "UPDATE SigningSessionRecord s SET s.endedAt = :now WHERE s.endedAt IS NULL")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  /**
   * Housekeeping: forgets sessions that ended more than {@code age} ago (never one with a suspect
   * mark standing). Their ids could then be used again; a replay gains nothing from it, since Node
   * 2's nonces are fresh per session (ECDSA) and hedged over Node 1's commitment (EdDSA).
   */
  @Transactional
  public int deleteEndedOlderThan(Duration age) {
    return em.createQuery(
            "DELETE FROM SigningSessionRecord s WHERE s.endedAt < :cutoff AND s.suspect = FALSE")
        .setParameter("cutoff", clock.instant().minus(age))
        .executeUpdate();
  }

  /**
   * Freezes every key with a mark older than {@code suspect-after} (the periodic clean-up calls
   * this, so a key whose signing session crashed mid-decryption also refuses exports and shows as
   * frozen without waiting for the next signature); returns how many keys froze.
   */
  @Transactional
  public int freezeStale() {
    int frozen = 0;
    for (String key :
        em.createQuery(
                "SELECT DISTINCT s.keyId FROM SigningSessionRecord s WHERE s.suspect = TRUE"
                    + " AND s.decryptStartedAt < :cutoff",
                String.class)
            .setParameter("cutoff", clock.instant().minus(suspectAfter))
            .getResultList()) {
      KeyShareRecord row = em.find(KeyShareRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (row != null && frozen(row)) {
        frozen++;
      }
    }
    return frozen;
  }

  /**
   * Whether the locked key is frozen, counting a suspect mark older than {@code suspect-after}:
   * such marks become a persisted, audited freeze here and are cleared, so that the refresh which
   * lifts the freeze lifts it for good.
   */
  private boolean frozen(KeyShareRecord key) {
    List<SigningSessionRecord> stale =
        em.createQuery(
                "SELECT s FROM SigningSessionRecord s WHERE s.keyId = :key AND s.suspect = TRUE"
                    + " AND s.decryptStartedAt < :cutoff",
                SigningSessionRecord.class)
            .setParameter("key", key.keyId().value())
            .setParameter("cutoff", clock.instant().minus(suspectAfter))
            .getResultList();
    for (SigningSessionRecord session : stale) {
      keyShares.freeze(
          key.keyId(),
          "signing session "
              + session.sessionId()
              + " decrypted and never recorded whether its signature verified",
          session.sessionId());
      session.clearSuspect();
    }
    return key.frozen() || !stale.isEmpty();
  }

  private KeyShareRecord lockedKey(KeyId id) {
    KeyShareRecord key = em.find(KeyShareRecord.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (key == null) {
      throw new KeyRefused(Reason.UNKNOWN_KEY, id);
    }
    return key;
  }
}
