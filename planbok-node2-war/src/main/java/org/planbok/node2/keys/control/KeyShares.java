package org.planbok.node2.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.control.KeyRefused.Reason;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.keys.entity.KeyState;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.store.control.Node2Store;

/**
 * Node 2's key shares, each made and replaced in two phases so that a key exists only when both
 * nodes hold their halves of the same generation.
 *
 * <p>A keygen {@link #stage}s its share as a {@code PENDING} key; a refresh {@link
 * #stageGeneration}s its new share beside the current one. Either way the share waits under the
 * session id until Node 1, having stored its own half, {@link #finalizeStaged finalizes} it: commit
 * makes it the key's share, abandon drops it, and the answer is always the state of that session's
 * share after the call, so Node 1 may ask again after a crash. Staged shares nobody finalizes are
 * dropped by {@link #deleteAbandonedOlderThan}. Shares are sealed with purpose {@code
 * "key-share/<curve>"} (a pending generation {@code "key-share-pending/<curve>"}, so it cannot be
 * swapped into the current column unnoticed) and the key id as record id; every change is audited
 * in its transaction. Mutations lock the row ({@code PESSIMISTIC_WRITE}), so a finalize racing the
 * clean-up either commits or finds the share gone, never both.
 *
 * <p>A frozen key still loads and can be refreshed: refusing to sign or export with it is the
 * session's decision through {@link #isFrozen}. Committing a refresh lifts the freeze (the audited
 * refresh of DESIGN §3), as does an audited {@link #unfreeze}.
 */
@ApplicationScoped
public class KeyShares {
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

  /** A keygen's share, pending until finalized. */
  @Transactional
  public void stage(
      KeyId id,
      Subject subject,
      Curve curve,
      byte[] shareBlob,
      String publicKeyHex,
      String sessionId) {
    if (em.find(KeyShareRecord.class, id.value()) != null) {
      throw new KeyRefused(Reason.ALREADY_EXISTS, id);
    }
    byte[] sealed = sealer.seal(purpose(curve.label()), id.value(), shareBlob);
    em.persist(
        new KeyShareRecord(
            id, subject.value(), curve.label(), sealed, publicKeyHex, sessionId, clock.instant()));
    em.flush();
    audit.append(sessionId, "key.stage", id.value(), "PENDING", curve.label());
  }

  /**
   * A refresh's new share, pending beside the current one until finalized. {@code base} is the
   * generation the refresh started from: if another refresh was committed meanwhile, this one is
   * refused. An earlier refresh still pending is replaced (and can no longer be committed).
   */
  @Transactional
  public void stageGeneration(KeyId id, byte[] shareBlob, String sessionId, String base) {
    KeyShareRecord row = committedRow(id);
    if (!row.generationSessionId().equals(base)) {
      throw new KeyRefused(Reason.STALE_GENERATION, id);
    }
    if (row.pendingSessionId() != null) {
      audit.append(
          row.pendingSessionId(),
          "key.refresh.replace",
          id.value(),
          "ABANDONED",
          "replaced by refresh " + sessionId);
    }
    row.stagePendingGeneration(
        sealer.seal(pendingPurpose(row.curve()), id.value(), shareBlob),
        sessionId,
        clock.instant());
    audit.append(sessionId, "key.refresh.stage", id.value(), "PENDING", row.curve());
  }

  /**
   * Commits or abandons the share {@code sessionId} staged and answers what became of it. A pending
   * key (keygen) or pending generation (refresh) of that session is committed or dropped as asked.
   * Otherwise nothing changes and the answer is what already happened: {@code COMMITTED} when that
   * session made the key or its current generation (a keygen's answer stays {@code COMMITTED} after
   * later refreshes: Node 1's half of it was committed too, and then refreshed); {@code ABANDONED}
   * when there is no such key, or the session's share was dropped (abandoned, swept, replaced by a
   * newer refresh) or never staged (a refused keygen for a key id that was taken, a refresh that
   * failed).
   */
  @Transactional
  public StagedState finalizeStaged(KeyId id, String sessionId, boolean commit) {
    Optional<KeyShareRecord> found = locked(id);
    if (found.isEmpty()) {
      return answered(id, sessionId, StagedState.ABANDONED, "no such key", commit);
    }
    KeyShareRecord row = found.get();
    if (row.state() == KeyState.PENDING) {
      if (!row.sessionId().equals(sessionId)) {
        return answered(id, sessionId, StagedState.ABANDONED, "staged by another keygen", commit);
      }
      if (commit) {
        row.commit();
        audit.append(sessionId, "key.commit", id.value(), "COMMITTED", row.curve());
        return StagedState.COMMITTED;
      }
      em.remove(row);
      audit.append(sessionId, "key.abandon", id.value(), "DELETED", row.curve());
      return StagedState.ABANDONED;
    }
    if (sessionId.equals(row.pendingSessionId())) {
      return commit ? commitGeneration(row) : dropGeneration(row, "key.refresh.abandon", "");
    }
    if (sessionId.equals(row.generationSessionId()) || sessionId.equals(row.sessionId())) {
      return answered(id, sessionId, StagedState.COMMITTED, "committed before", commit);
    }
    return answered(id, sessionId, StagedState.ABANDONED, "nothing staged", commit);
  }

  /**
   * The unsealed current share of a committed key, or empty for an unknown or pending key. A plain
   * read outside any transaction: it starts every signing session, and the freeze it reports is the
   * committed one. A share still sealed under the previous master key unseals with it; Node 2
   * re-seals those at start-up ({@code Rotation}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoredShare> committed(KeyId id) {
    KeyShareRecord record = em.find(KeyShareRecord.class, id.value());
    if (record == null || record.state() != KeyState.COMMITTED) {
      return Optional.empty();
    }
    byte[] share = sealer.unseal(purpose(record.curve()), id.value(), record.sealedShare());
    return Optional.of(
        new StoredShare(
            id,
            Subject.of(record.subject()),
            Curve.parse(record.curve()).orElseThrow(),
            share,
            record.publicKeyHex(),
            record.frozen(),
            record.freezeCount(),
            record.generationSessionId()));
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

  /**
   * Drops what was staged more than {@code age} ago and never finalized: pending keys (deleted) and
   * pending generations (the current share stays). One audited row each; returns how many.
   */
  @Transactional
  public int deleteAbandonedOlderThan(Duration age) {
    Instant cutoff = clock.instant().minus(age);
    int dropped = 0;
    for (String candidate : pendingKeysStagedBefore(cutoff)) {
      Optional<KeyShareRecord> row = locked(KeyId.of(candidate));
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
        dropped++;
      }
    }
    for (String candidate : pendingGenerationsStagedBefore(cutoff)) {
      Optional<KeyShareRecord> row = locked(KeyId.of(candidate));
      if (row.isPresent()
          && row.get().pendingStagedAt() != null
          && row.get().pendingStagedAt().isBefore(cutoff)) {
        dropGeneration(row.get(), "key.refresh.cleanup", "pending longer than " + age);
        dropped++;
      }
    }
    return dropped;
  }

  /** Re-seals every share still sealed under the previous master key; returns how many. */
  @Transactional
  public int resealStale() {
    int resealed = 0;
    for (KeyShareRecord row :
        em.createQuery("SELECT k FROM KeyShareRecord k", KeyShareRecord.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      String id = row.keyId().value();
      if (!sealer.isCurrent(row.sealedShare())) {
        row.replaceSealedShare(sealer.reseal(purpose(row.curve()), id, row.sealedShare()));
        resealed++;
      }
      byte[] pending = row.pendingSealedShare();
      if (pending != null && !sealer.isCurrent(pending)) {
        row.stagePendingGeneration(
            sealer.reseal(pendingPurpose(row.curve()), id, pending),
            row.pendingSessionId(),
            row.pendingStagedAt());
        resealed++;
      }
    }
    return resealed;
  }

  /** The refresh's share becomes current; a freeze ends here (the audited refresh, DESIGN §3). */
  private StagedState commitGeneration(KeyShareRecord row) {
    String id = row.keyId().value();
    String session = row.pendingSessionId();
    byte[] share = sealer.unseal(pendingPurpose(row.curve()), id, row.pendingSealedShare());
    try {
      row.commitPendingGeneration(sealer.seal(purpose(row.curve()), id, share));
    } finally {
      Arrays.fill(share, (byte) 0);
    }
    audit.append(session, "key.refresh", id, "COMMITTED", row.curve());
    if (row.frozen()) {
      row.unfreeze();
      audit.append(session, "key.unfreeze", id, "UNFROZEN", "by refresh " + session);
    }
    return StagedState.COMMITTED;
  }

  private StagedState dropGeneration(KeyShareRecord row, String operation, String detail) {
    String session = row.pendingSessionId();
    row.dropPendingGeneration();
    audit.append(session, operation, row.keyId().value(), "ABANDONED", detail);
    return StagedState.ABANDONED;
  }

  /** A finalize that changed nothing is audited too: Node 1's retries show in the log. */
  private StagedState answered(
      KeyId id, String sessionId, StagedState state, String why, boolean commit) {
    audit.append(
        sessionId,
        "key.finalize",
        id.value(),
        state.name(),
        why + "; " + (commit ? "commit" : "abandon") + " asked");
    return state;
  }

  private List<String> pendingKeysStagedBefore(Instant cutoff) {
    return em.createQuery(
            "SELECT k.keyId FROM KeyShareRecord k WHERE k.state = :pending"
                + " AND k.createdAt < :cutoff",
            String.class)
        .setParameter("pending", KeyState.PENDING)
        .setParameter("cutoff", cutoff)
        .getResultList();
  }

  private List<String> pendingGenerationsStagedBefore(Instant cutoff) {
    return em.createQuery(
            "SELECT k.keyId FROM KeyShareRecord k WHERE k.pendingStagedAt < :cutoff", String.class)
        .setParameter("cutoff", cutoff)
        .getResultList();
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

  private static String pendingPurpose(String curve) {
    return "key-share-pending/" + curve;
  }
}
