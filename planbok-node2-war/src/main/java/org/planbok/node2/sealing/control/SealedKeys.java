package org.planbok.node2.sealing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.planbok.node2.sealing.entity.SealedKeyRecord;
import org.planbok.node2.store.control.Node2Store;

/**
 * Named 32-byte keys that Node 2 draws once and keeps sealed in its database. The pepper key lives
 * here rather than being derived from the master key: the peppers it makes wrap Node 1's shares, so
 * it must survive a master key rotation unchanged.
 */
@ApplicationScoped
public class SealedKeys {
  /** The pepper oracle's HMAC key (DESIGN §5). */
  public static final String PEPPER = "pepper";

  /** The key of the audit log's head anchor. */
  public static final String AUDIT_ANCHOR = "audit-anchor";

  /** The private half of Node 2's X25519 export-authorization key (issue 12 item 4). */
  public static final String EXPORT_AUTHORIZATION = "export-authorization";

  static final String PURPOSE = "sealed-key";
  private static final int LENGTH = 32;

  private EntityManager em;
  private Sealer sealer;
  private Clock clock;
  private SecureRandom random;

  /**
   * Unsealed keys, so that the pepper oracle and every audit append do not read and unseal them
   * again: they never change (a rotation re-seals them, the bytes stay), and Node 2's memory holds
   * the master key that unseals them anyway.
   */
  private final Map<String, byte[]> unsealed = new ConcurrentHashMap<>();

  SealedKeys() {
    // for the CDI proxy
  }

  @Inject
  public SealedKeys(@Node2Store EntityManager em, Sealer sealer, Clock clock) {
    this.em = em;
    this.sealer = sealer;
    this.clock = clock;
    this.random = new SecureRandom();
  }

  /**
   * The key named {@code name}, made on first use (the start-up check makes the known ones before
   * traffic, so two replicas never race to create one). The caller zeroes the returned bytes.
   */
  @Transactional
  public byte[] key(String name) {
    byte[] known = unsealed.get(name);
    if (known != null) {
      return known.clone();
    }
    byte[] key = load(name);
    unsealed.put(name, key.clone());
    return key;
  }

  private byte[] load(String name) {
    SealedKeyRecord record = em.find(SealedKeyRecord.class, name);
    if (record == null) {
      byte[] fresh = new byte[LENGTH];
      random.nextBytes(fresh);
      em.persist(new SealedKeyRecord(name, sealer.seal(PURPOSE, name, fresh), clock.instant()));
      em.flush();
      return fresh;
    }
    byte[] sealed = record.sealedKey();
    if (!sealer.isCurrent(sealed)) {
      record = em.find(SealedKeyRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
      record.resealed(sealer.reseal(PURPOSE, name, record.sealedKey()));
    }
    return sealer.unseal(PURPOSE, name, sealed);
  }

  /** Re-seals every key still sealed under the previous master key; returns how many. */
  @Transactional
  public int resealStale() {
    int resealed = 0;
    for (SealedKeyRecord row :
        em.createQuery("SELECT k FROM SealedKeyRecord k", SealedKeyRecord.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      if (!sealer.isCurrent(row.sealedKey())) {
        row.resealed(sealer.reseal(PURPOSE, row.name(), row.sealedKey()));
        resealed++;
      }
    }
    return resealed;
  }

  /** Makes the key if it does not exist yet. */
  @Transactional
  public void ensure(String name) {
    Arrays.fill(key(name), (byte) 0);
  }
}
