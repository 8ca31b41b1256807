package org.planbok.custody.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.planbok.argon2.Argon2idHashes;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.VaultWrapping;

/**
 * The wrappings of a subject's vault key one by one, for the recovery methods: a recovery secret's
 * check is made by the recovery flow itself (it has outcomes a PIN has not, and buys a new PIN), so
 * the flow hands the pepper here to open or to write a wrapping. Every wrapping of a subject wraps
 * the same vault key; after a recovery they all wrap the new one.
 */
@Stateless
public class Wrappings {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  // Argon2id verifiers of peppers (DESIGN §5), never the pepper itself.
  @Inject Argon2idHashes verifiers;

  public Optional<VaultWrapping> find(Subject subject, SecretPurpose purpose) {
    return Optional.ofNullable(em.find(VaultWrapping.class, VaultWrapping.idOf(subject, purpose)));
  }

  /**
   * Whether the method is set up, as the database holds it now: a step in a transaction of its own
   * (a recovery's switch to a new vault key) may have removed a wrapping this request already read.
   */
  public boolean exists(Subject subject, SecretPurpose purpose) {
    return em.createQuery("SELECT COUNT(w) FROM VaultWrapping w WHERE w.id = :id", Long.class)
            .setParameter("id", VaultWrapping.idOf(subject, purpose))
            .getSingleResult()
        > 0;
  }

  /**
   * Locks the subject's PIN wrapping until the transaction ends. Every PIN operation holds this
   * lock for its request, so whoever takes it next runs after the operations in flight finished.
   */
  public Optional<VaultWrapping> lockPin(Subject subject) {
    return Optional.ofNullable(
        em.find(
            VaultWrapping.class,
            VaultWrapping.idOf(subject, SecretPurpose.PIN),
            LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * The vault key this method wraps, opened with the pepper Node 2 answered for {@code secret};
   * refused {@code SECRET_NOT_SET} when the method is not set up, {@code PEER_MISBEHAVED} when Node
   * 1's own verifier or the wrapping says the pepper is not the one it was wrapped with. The caller
   * closes the key.
   */
  public VaultKey open(Subject subject, SecretPurpose purpose, byte[] pepper, ClientSecret secret) {
    VaultWrapping wrapping =
        find(subject, purpose).orElseThrow(() -> SecretRefusals.notSet(purpose));
    if (!verifiers.matches(wrapping.pepperVerifier(), pepper)) {
      throw VaultWraps.node2Inconsistent(wrapping);
    }
    return VaultWraps.unwrap(wrapping, pepper, secret);
  }

  /** Wraps {@code vaultKey} for the method under the secret and its pepper, replacing any. */
  public void install(
      Subject subject,
      SecretPurpose purpose,
      VaultKey vaultKey,
      byte[] pepper,
      ClientSecret secret) {
    byte[] wrapped = VaultWraps.wrap(vaultKey, pepper, secret, subject, purpose);
    String verifier = verifiers.of(pepper);
    VaultWrapping existing = em.find(VaultWrapping.class, VaultWrapping.idOf(subject, purpose));
    if (existing != null && !exists(subject, purpose)) {
      em.detach(existing); // removed since this request read it, by a step of its own
      existing = null;
    }
    if (existing != null) {
      em.refresh(existing);
      existing.rewrap(wrapped, verifier, now());
    } else {
      em.persist(new VaultWrapping(subject, purpose, wrapped, verifier, now()));
    }
  }

  /** Forgets the method's wrapping; returns whether there was one. */
  public boolean remove(Subject subject, SecretPurpose purpose) {
    Optional<VaultWrapping> existing = find(subject, purpose);
    existing.ifPresent(em::remove);
    return existing.isPresent();
  }

  /**
   * {@link #remove} in a transaction of its own: for a request that fails after Node 2 already
   * forgot the secret, so that Node 1 does not keep showing a method that can no longer open.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean removeNow(Subject subject, SecretPurpose purpose) {
    return remove(subject, purpose);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
