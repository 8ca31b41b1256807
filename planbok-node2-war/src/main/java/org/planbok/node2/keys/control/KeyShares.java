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
import java.util.Optional;
import java.util.Set;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.control.KeyRefused.Reason;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.keys.entity.KeyState;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.store.control.Node2Store;

/**
 * Node 2's key shares. A keygen {@link #stage}s its share as {@code PENDING}; {@link #commit} makes
 * it usable once Node 1 confirms it has stored its own; {@link #abandon} deletes a pending one, and
 * {@link #deleteAbandonedOlderThan} removes the pending halves of sessions that died. So a key
 * exists only when both nodes committed it. Shares are sealed with purpose {@code
 * "key-share/<curve>"} and the key id as record id; every state change is audited in the same
 * transaction. Mutations lock the row ({@code PESSIMISTIC_WRITE}), so a commit racing the clean-up
 * either commits or finds the row gone, never both.
 *
 * <p>A frozen key still loads and can be refreshed ({@link #replaceShare}): refusing to sign with
 * it is the session's decision through {@link #isFrozen}, and only an audited {@link #unfreeze}
 * lifts the flag.
 */
@ApplicationScoped
public class KeyShares {
  static final Set<String> CURVES = Set.of("secp256k1", "ed25519");
  private static final String SYSTEM = "-";

  private EntityManager em;
  private Sealer sealer;
  private AuditLog audit;
  private Clock clock;

  KeyShares() {
    // for the CDI proxy
  }

  @Inject
  public KeyShares(@Node2Store EntityManager em, Sealer sealer, AuditLog audit, Clock clock) {
    this.em = em;
    this.sealer = sealer;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public void stage(
      KeyId id,
      String subject,
      String curve,
      byte[] shareBlob,
      String publicKeyHex,
      String sessionId) {
    if (!CURVES.contains(curve)) {
      throw new KeyRefused(Reason.UNSUPPORTED_CURVE, id);
    }
    if (em.find(KeyShareRecord.class, id.value()) != null) {
      throw new KeyRefused(Reason.ALREADY_EXISTS, id);
    }
    byte[] sealed = sealer.seal(purpose(curve), id.value(), shareBlob);
    em.persist(
        new KeyShareRecord(id, subject, curve, sealed, publicKeyHex, sessionId, clock.instant()));
    em.flush();
    audit.append(sessionId, "key.stage", id.value(), "PENDING", curve);
  }

  /** Makes a pending share usable; committing a committed key again changes nothing. */
  @Transactional
  public void commit(KeyId id) {
    KeyShareRecord record = locked(id).orElseThrow(() -> new KeyRefused(Reason.UNKNOWN_KEY, id));
    if (record.state() == KeyState.PENDING) {
      record.commit();
      audit.append(record.sessionId(), "key.commit", id.value(), "COMMITTED", record.curve());
    }
  }

  /** Deletes a pending share; an unknown key is already gone. A committed key is refused. */
  @Transactional
  public void abandon(KeyId id) {
    Optional<KeyShareRecord> found = locked(id);
    if (found.isEmpty()) {
      return;
    }
    KeyShareRecord record = found.get();
    if (record.state() != KeyState.PENDING) {
      throw new KeyRefused(Reason.NOT_PENDING, id);
    }
    em.remove(record);
    audit.append(record.sessionId(), "key.abandon", id.value(), "DELETED", record.curve());
  }

  /**
   * The unsealed share of a committed key, or empty for an unknown or pending key. A share still
   * sealed under the previous master key is re-sealed under the current one on the way.
   */
  @Transactional
  public Optional<StoredShare> committed(KeyId id) {
    KeyShareRecord record = em.find(KeyShareRecord.class, id.value());
    if (record == null || record.state() != KeyState.COMMITTED) {
      return Optional.empty();
    }
    byte[] sealed = record.sealedShare();
    if (!sealer.isCurrent(sealed)) {
      KeyShareRecord row = locked(id).orElseThrow();
      row.replaceSealedShare(sealer.reseal(purpose(row.curve()), id.value(), row.sealedShare()));
    }
    byte[] share = sealer.unseal(purpose(record.curve()), id.value(), sealed);
    return Optional.of(
        new StoredShare(
            id, record.subject(), record.curve(), share, record.publicKeyHex(), record.frozen()));
  }

  /** After a refresh: the same key, a new share. */
  @Transactional
  public void replaceShare(KeyId id, byte[] newShareBlob) {
    KeyShareRecord record = committedRow(id);
    record.replaceSealedShare(sealer.seal(purpose(record.curve()), id.value(), newShareBlob));
    audit.append(SYSTEM, "key.refresh", id.value(), "REPLACED", record.curve());
  }

  @Transactional
  public void freeze(KeyId id, String reason) {
    freeze(id, reason, SYSTEM);
  }

  /** Persists the freeze (DESIGN §3, BitForge); it survives restarts. */
  @Transactional
  public void freeze(KeyId id, String reason, String sessionId) {
    KeyShareRecord record = locked(id).orElseThrow(() -> new KeyRefused(Reason.UNKNOWN_KEY, id));
    record.freeze(reason, clock.instant());
    audit.append(sessionId, "key.freeze", id.value(), "FROZEN", reason);
  }

  @Transactional
  public void unfreeze(KeyId id, String auditedBy) {
    KeyShareRecord record = locked(id).orElseThrow(() -> new KeyRefused(Reason.UNKNOWN_KEY, id));
    record.unfreeze();
    audit.append(SYSTEM, "key.unfreeze", id.value(), "UNFROZEN", "by " + auditedBy);
  }

  /** Read from the database each time (no shared cache), so a freeze by any replica counts. */
  @Transactional
  public boolean isFrozen(KeyId id) {
    KeyShareRecord record = em.find(KeyShareRecord.class, id.value());
    if (record == null) {
      throw new KeyRefused(Reason.UNKNOWN_KEY, id);
    }
    return record.frozen();
  }

  /** Deletes pending shares staged more than {@code age} ago, one audited row each. */
  @Transactional
  public int deleteAbandonedOlderThan(Duration age) {
    Instant cutoff = clock.instant().minus(age);
    List<String> candidates =
        em.createQuery(
                "SELECT k.keyId FROM KeyShareRecord k WHERE k.state = :pending"
                    + " AND k.createdAt < :cutoff",
                String.class)
            .setParameter("pending", KeyState.PENDING)
            .setParameter("cutoff", cutoff)
            .getResultList();
    int deleted = 0;
    for (String candidate : candidates) {
      KeyId id = KeyId.of(candidate);
      Optional<KeyShareRecord> row = locked(id);
      // Re-checked under the lock: a commit may have won the race.
      if (row.isPresent()
          && row.get().state() == KeyState.PENDING
          && row.get().createdAt().isBefore(cutoff)) {
        em.remove(row.get());
        audit.append(
            row.get().sessionId(),
            "key.cleanup",
            candidate,
            "DELETED",
            "pending longer than " + age);
        deleted++;
      }
    }
    return deleted;
  }

  /** Re-seals every share still sealed under the previous master key; returns how many. */
  @Transactional
  public int resealStale() {
    int resealed = 0;
    for (KeyShareRecord row :
        em.createQuery("SELECT k FROM KeyShareRecord k", KeyShareRecord.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      if (!sealer.isCurrent(row.sealedShare())) {
        String id = row.keyId().value();
        row.replaceSealedShare(sealer.reseal(purpose(row.curve()), id, row.sealedShare()));
        resealed++;
      }
    }
    return resealed;
  }

  private KeyShareRecord committedRow(KeyId id) {
    KeyShareRecord record = locked(id).orElseThrow(() -> new KeyRefused(Reason.UNKNOWN_KEY, id));
    if (record.state() != KeyState.COMMITTED) {
      throw new KeyRefused(Reason.NOT_COMMITTED, id);
    }
    return record;
  }

  private Optional<KeyShareRecord> locked(KeyId id) {
    return Optional.ofNullable(
        em.find(KeyShareRecord.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  private static String purpose(String curve) {
    return "key-share/" + curve;
  }
}
