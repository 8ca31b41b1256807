package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.keys.entity.KeyState;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * Node 1's store of joint keys. Every step of a two-phase key generation or refresh is written in a
 * transaction of its own (REQUIRES_NEW), so that what Node 1 holds is durable before Node 2 is
 * asked to commit, and whatever the calling request does afterwards cannot undo it.
 */
@Stateless
public class JointKeys {
  private static final Logger LOG = Logger.getLogger(JointKeys.class.getName());

  /** EclipseLink: a query returns the database's state even for keys this context holds. */
  private static final String REFRESH = "eclipselink.refresh";

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject WebhookEvents events;

  /**
   * The key as the database holds it now. The caller's transaction may have read it before one of
   * the steps below changed it in a transaction of its own, so a managed copy is refreshed.
   */
  public Optional<JointKey> find(KeyId id) {
    JointKey key = em.find(JointKey.class, id.toString());
    if (key != null) {
      em.refresh(key);
    }
    return Optional.ofNullable(key);
  }

  public Optional<JointKey> of(Subject subject, Curve curve) {
    return em.createQuery(
            "SELECT k FROM JointKey k WHERE k.subject = :subject AND k.curve = :curve",
            JointKey.class)
        .setHint(REFRESH, "true")
        .setParameter("subject", subject.value())
        .setParameter("curve", curve)
        .getResultStream()
        .findFirst();
  }

  public List<JointKey> of(Subject subject) {
    return em.createQuery(
            "SELECT k FROM JointKey k WHERE k.subject = :subject ORDER BY k.createdAt, k.id",
            JointKey.class)
        .setHint(REFRESH, "true")
        .setParameter("subject", subject.value())
        .getResultList();
  }

  /** Keys whose generation or refresh has waited for Node 2's decision longer than {@code age}. */
  public List<JointKey> unsettledOlderThan(Duration age) {
    Instant cutoff = now().minus(age);
    return em.createQuery(
            "SELECT k FROM JointKey k WHERE (k.state = :pending AND k.createdAt < :cutoff)"
                + " OR (k.pendingGeneration IS NOT NULL AND k.pendingSince < :cutoff)",
            JointKey.class)
        .setHint(REFRESH, "true")
        .setParameter("pending", KeyState.PENDING)
        .setParameter("cutoff", cutoff)
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void stage(JointKey key) {
    em.persist(key);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void activate(KeyId id) {
    locked(id)
        .filter(k -> k.state() == KeyState.PENDING)
        .ifPresent(
            k -> {
              k.activate();
              emit(
                  k,
                  EventType.KEY_CREATED,
                  "publicKey",
                  java.util.HexFormat.of().formatHex(k.publicKey()));
            });
  }

  /** Forgets a key generation Node 2 abandoned; an active key is never deleted here. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void forgetPending(KeyId id) {
    locked(id)
        .filter(k -> k.state() == KeyState.PENDING)
        .ifPresent(
            k -> {
              em.remove(k);
              LOG.info(() -> "forgot key " + id + ": Node 2 abandoned its generation");
            });
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void freeze(KeyId id) {
    locked(id)
        .filter(k -> !k.frozen())
        .ifPresent(
            k -> {
              k.freeze(now());
              // Node 1 learns of a freeze from Node 2's refusal (KEY_FROZEN): reported here.
              emit(
                  k,
                  EventType.KEY_FROZEN,
                  "reason",
                  "a joint signature failed Node 2's verification");
              audit.append(
                  k.organization(),
                  "key.freeze",
                  "key:" + id,
                  "FROZEN",
                  "Node 2 refused the key: a joint signature failed its verification (DESIGN §3)");
            });
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void stageGeneration(KeyId id, byte[] sealedShare, String generation) {
    locked(id).orElseThrow().stageGeneration(sealedShare, generation, now());
  }

  /** Applies Node 2's decision on the staged generation {@code generation}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void settleGeneration(KeyId id, String generation, boolean committed) {
    Optional<JointKey> found = locked(id);
    if (found.isEmpty() || !generation.equals(found.get().pendingGeneration())) {
      return;
    }
    if (committed) {
      boolean wasFrozen = found.get().frozen();
      found.get().promoteGeneration(now());
      emit(found.get(), EventType.KEY_REFRESHED, "session", generation, "liftedFreeze", wasFrozen);
    } else {
      found.get().dropGeneration();
    }
  }

  /**
   * Re-seals every share of the subject (current and staged, active or pending keys) from one vault
   * key to another, in the caller's transaction: a recovery moves all of them at once with the new
   * wrappings of the vault key, or none. Each row is locked, so a concurrent settlement runs before
   * or after, never in between.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int resealAll(Subject subject, VaultKey from, VaultKey to) {
    List<JointKey> keys =
        em.createQuery("SELECT k FROM JointKey k WHERE k.subject = :subject", JointKey.class)
            .setParameter("subject", subject.value())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(REFRESH, "true")
            .getResultList();
    for (JointKey key : keys) {
      key.resealed(
          reseal(from, to, key.id(), key.generation(), key.sealedShare()),
          key.pendingGeneration() == null
              ? null
              : reseal(from, to, key.id(), key.pendingGeneration(), key.pendingSealedShare()));
    }
    return keys.size();
  }

  private static byte[] reseal(
      VaultKey from, VaultKey to, KeyId id, String generation, byte[] sealed) {
    String shareId = Keys.shareId(id, generation);
    byte[] blob = from.open(Keys.SHARE, shareId, sealed);
    try {
      return to.seal(Keys.SHARE, shareId, blob);
    } finally {
      java.util.Arrays.fill(blob, (byte) 0);
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void exported(KeyId id) {
    locked(id).ifPresent(k -> k.exported(now()));
  }

  /** Records the key's webhook event in this step's transaction (the outbox). */
  private void emit(JointKey key, EventType type, Object... more) {
    EventData data =
        EventData.of(key.subject())
            .with("keyId", key.id().toString())
            .with("curve", key.curve().label());
    for (int i = 0; i < more.length; i += 2) {
      data.with((String) more[i], more[i + 1]);
    }
    events.record(key.organization(), key.subject(), type, data);
  }

  private Optional<JointKey> locked(KeyId id) {
    return Optional.ofNullable(
        em.find(JointKey.class, id.toString(), LockModeType.PESSIMISTIC_WRITE));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
