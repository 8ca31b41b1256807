package org.planbok.custody.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.planbok.argon2.Argon2idHashes;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.custody.entity.VaultWrapping;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2client.Node2Refused;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.SecretCheck;
import org.planbok.node2client.TicketWanted;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * Subjects' vaults (DESIGN §5). A vault key wraps the subject's key shares; it is itself wrapped
 * under {@code KEK = HKDF(pepper ‖ secret)} for each unlock method, and Node 2 answers the pepper
 * only for the right secret, counting wrong ones. So Node 1's database alone opens nothing and
 * tests no guess offline.
 *
 * <p>The vault key sits between the secret and the shares so that a secret change re-wraps 32 bytes
 * instead of every share, and a recovery method wraps the same key (DESIGN §5 wraps the share
 * directly; this keeps its properties: the secret and Node 2's pepper are both still needed).
 */
@Stateless
public class Vaults {
  private static final Logger LOG = Logger.getLogger(Vaults.class.getName());
  private static final int SALT = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject Node2Secrets node2;
  // Argon2id verifiers of peppers (DESIGN §5), never the pepper itself.
  @Inject Argon2idHashes verifiers;
  @Inject Lockouts lockouts;
  @Inject AuditLog audit;
  @Inject WebhookEvents events;

  /** The subject's vault, made with a fresh random client salt the first time. */
  public Vault ensure(Subject subject, OrganizationId organization) {
    Vault vault = em.find(Vault.class, subject.value());
    if (vault == null) {
      byte[] salt = new byte[SALT];
      RANDOM.nextBytes(salt);
      vault = new Vault(subject, organization, salt, now());
      em.persist(vault);
    }
    return vault;
  }

  public Optional<Vault> find(Subject subject) {
    return Optional.ofNullable(em.find(Vault.class, subject.value()));
  }

  public Optional<VaultWrapping> wrapping(Subject subject, SecretPurpose purpose) {
    return Optional.ofNullable(em.find(VaultWrapping.class, VaultWrapping.idOf(subject, purpose)));
  }

  /**
   * The wrapping, locked until the request's transaction ends: every use of a subject's secret runs
   * after the one before it committed, so a check never meets Node 2 already holding a new secret
   * whose wrapping this database has not committed yet.
   */
  private VaultWrapping lockedWrapping(Subject subject, SecretPurpose purpose) {
    VaultWrapping wrapping =
        em.find(
            VaultWrapping.class,
            VaultWrapping.idOf(subject, purpose),
            LockModeType.PESSIMISTIC_WRITE);
    if (wrapping == null) {
      throw SecretRefusals.notSet(purpose);
    }
    return wrapping;
  }

  /**
   * Asks Node 2 to lift the lockout of the subject's secret early, for an administrator; Node 2
   * allows it once a day and keeps the lockout count (the next lockout lasts twice as long).
   */
  public Node2Secrets.Unlock unlock(
      Subject subject, OrganizationId organization, SecretPurpose purpose, String requestedBy) {
    Node2Secrets.Unlock result = node2.unlock(subject, purpose, requestedBy);
    if (result.outcome() == Node2Secrets.Unlock.Outcome.UNLOCKED) {
      find(subject).ifPresent(vault -> vault.lockedUntil(null));
      events.record(
          organization,
          subject,
          EventType.PIN_UNLOCKED,
          EventData.of(subject).with("purpose", purpose.label()).with("by", "administrator"));
    }
    audit.append(
        organization, "secret.unlock", subject.value(), result.outcome().name(), purpose.label());
    return result;
  }

  /**
   * Sets up the subject's first secret: Node 2 enrolls it and answers its pepper, and a new vault
   * key is wrapped under it. Retrying after a setup that reached Node 2 but not this database
   * finishes it when the secret is the same.
   */
  public void setUp(
      Subject subject, OrganizationId organization, SecretPurpose purpose, ClientSecret secret) {
    // Locks the vault row, so two concurrent setups of one subject run one after the other.
    if (em.find(Vault.class, subject.value(), LockModeType.PESSIMISTIC_WRITE) == null) {
      ensure(subject, organization);
      em.flush();
    }
    if (wrapping(subject, purpose).isPresent()) {
      throw SecretRefusals.alreadySet(purpose);
    }
    byte[] pepper = enrollFirst(subject, organization, purpose, secret);
    try (VaultKey vaultKey = VaultKey.random()) {
      em.persist(
          new VaultWrapping(
              subject,
              purpose,
              VaultWraps.wrap(vaultKey, pepper, secret, subject, purpose),
              verifiers.of(pepper),
              now()));
      audit.append(organization, "secret.set-up", subject.value(), "OK", purpose.label());
      LOG.info(() -> "set up the " + purpose.label() + " of " + subject);
    } finally {
      Arrays.fill(pepper, (byte) 0);
    }
  }

  /**
   * Opens the vault with the secret; Node 2 mints the tickets asked for with the same check. A
   * wrong secret is refused with the attempts left; a locked one with when it opens again.
   */
  public OpenVault open(
      Subject subject, SecretPurpose purpose, ClientSecret secret, List<TicketWanted> tickets) {
    VaultWrapping wrapping = lockedWrapping(subject, purpose);
    SecretCheck.Accepted accepted = check(subject, purpose, secret, tickets);
    try {
      return new OpenVault(
          VaultWraps.unwrap(wrapping, accepted.pepper(), secret), accepted.tickets());
    } finally {
      Arrays.fill(accepted.pepper(), (byte) 0);
    }
  }

  /**
   * Checks the secret through Node 2 and Node 1's own verifier of the pepper; nothing is changed.
   */
  public void verify(Subject subject, SecretPurpose purpose, ClientSecret secret) {
    VaultWrapping wrapping = lockedWrapping(subject, purpose);
    SecretCheck.Accepted accepted = check(subject, purpose, secret, List.of());
    try {
      requireOwnVerifier(wrapping, accepted.pepper());
      VaultWraps.unwrap(wrapping, accepted.pepper(), secret).close();
    } finally {
      Arrays.fill(accepted.pepper(), (byte) 0);
    }
  }

  /**
   * Replaces the secret: the current one opens the vault key and buys an ENROLL ticket, Node 2
   * enrolls the next one, and the same vault key is wrapped under it; the subject's open tickets
   * are revoked. Should this database refuse the new wrapping after Node 2 took the new secret, the
   * secret's wrapping is lost (logged SEVERE): Node 2 answers every enrollment a pepper of its own,
   * so the old one cannot be put back; a recovery method still opens the vault.
   */
  public void change(
      Subject subject, SecretPurpose purpose, ClientSecret current, ClientSecret next) {
    VaultWrapping wrapping = lockedWrapping(subject, purpose);
    SecretCheck.Accepted accepted =
        check(
            subject, purpose, current, List.of(TicketWanted.of(purpose.label(), Operation.ENROLL)));
    byte[] newPepper = null;
    try (VaultKey vaultKey = VaultWraps.unwrap(wrapping, accepted.pepper(), current)) {
      requireOwnVerifier(wrapping, accepted.pepper());
      newPepper = node2.enroll(subject, purpose, next.bytes(), accepted.tickets().get(0));
      try {
        wrapping.rewrap(
            VaultWraps.wrap(vaultKey, newPepper, next, subject, purpose),
            verifiers.of(newPepper),
            now());
        em.flush();
      } catch (RuntimeException e) {
        lost(subject, purpose, e);
        throw e;
      }
      node2.revokeTickets(subject);
      find(subject)
          .ifPresent(
              v ->
                  audit.append(
                      v.organization(),
                      "secret.change",
                      subject.value(),
                      "OK",
                      purpose.label() + "; open tickets revoked"));
      LOG.info(() -> "changed the " + purpose.label() + " of " + subject);
    } finally {
      accepted.destroy();
      if (newPepper != null) {
        Arrays.fill(newPepper, (byte) 0);
      }
    }
  }

  private byte[] enrollFirst(
      Subject subject, OrganizationId organization, SecretPurpose purpose, ClientSecret secret) {
    try {
      return node2.enroll(subject, purpose, secret.bytes(), null, organization);
    } catch (Node2Refused e) {
      if (e.reason() != RefusalReason.ALREADY_ENROLLED) {
        throw e;
      }
      // An earlier setup reached Node 2 but not this database: the same secret completes it.
      SecretCheck outcome = node2.check(subject, purpose, secret.bytes(), List.of());
      if (outcome instanceof SecretCheck.Accepted accepted) {
        return accepted.pepper();
      }
      throw SecretRefusals.alreadySet(purpose);
    }
  }

  private SecretCheck.Accepted check(
      Subject subject, SecretPurpose purpose, ClientSecret secret, List<TicketWanted> tickets) {
    SecretCheck outcome = node2.check(subject, purpose, secret.bytes(), tickets);
    if (outcome instanceof SecretCheck.Accepted accepted) {
      return accepted;
    }
    if (outcome instanceof SecretCheck.Locked locked) {
      lockouts.record(subject, purpose, locked.until());
    }
    throw SecretRefusals.of(outcome, purpose);
  }

  private void requireOwnVerifier(VaultWrapping wrapping, byte[] pepper) {
    if (!verifiers.matches(wrapping.pepperVerifier(), pepper)) {
      throw VaultWraps.node2Inconsistent(wrapping);
    }
  }

  /**
   * Node 2 took the new secret but this database did not take its wrapping. Nothing can be put
   * back: every enrollment at Node 2 answers a pepper of its own (so that an ENROLL ticket never
   * answers the pepper of an earlier enrollment), and re-enrolling the old secret would not answer
   * the pepper the old wrapping was made with. The secret's wrapping is lost; the subject's
   * recovery methods (which wrap the same vault key) still open it and set a new PIN.
   */
  private static void lost(Subject subject, SecretPurpose purpose, RuntimeException e) {
    LOG.severe(
        () ->
            "Node 2 took the new "
                + purpose.label()
                + " of "
                + subject
                + " but Node 1 could not store its wrapping; neither the old nor the new "
                + purpose.label()
                + " opens the vault now (only a recovery method does): "
                + e);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
