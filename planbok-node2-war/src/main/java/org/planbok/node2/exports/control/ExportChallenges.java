package org.planbok.node2.exports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.exports.entity.ExportChallengeRecord;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.keys.entity.KeyState;
import org.planbok.node2.store.control.Node2Store;

/**
 * The fresh challenges a device seals its export authorization against (issue 12 item 4): 32 random
 * bytes, bound to a subject and key, valid for {@code planbok.node2.exports.challenge-ttl} (default
 * five minutes), used at most once. Using one up is one conditional {@code UPDATE … WHERE used_at
 * IS NULL AND expires_at > now}: of two sessions presenting the same challenge exactly one gets it,
 * and a replayed authorization finds it used.
 */
@ApplicationScoped
public class ExportChallenges {
  public static final int LENGTH = 32;
  private static final String SYSTEM = "-";

  private EntityManager em;
  private AuditLog audit;
  private Clock clock;
  private Duration ttl;
  private SecureRandom random;

  ExportChallenges() {
    // for the CDI proxy
  }

  @Inject
  public ExportChallenges(
      @Node2Store EntityManager em,
      AuditLog audit,
      Clock clock,
      @ConfigProperty(name = "planbok.node2.exports.challenge-ttl", defaultValue = "PT5M")
          Duration ttl) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
    this.ttl = ttl;
    this.random = new SecureRandom();
  }

  /** A challenge and when it expires. */
  public record Challenge(byte[] bytes, Instant expiresAt) {
    public Challenge {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * Mints a challenge for one export of the subject's committed key; empty when there is no such
   * key or it is another subject's (answered alike, so key ids cannot be probed).
   */
  @Transactional
  public Optional<Challenge> mint(Subject subject, KeyId keyId) {
    KeyShareRecord key = em.find(KeyShareRecord.class, keyId.value());
    if (key == null
        || key.state() != KeyState.COMMITTED
        || !key.subject().equals(subject.value())) {
      return Optional.empty();
    }
    byte[] challenge = new byte[LENGTH];
    random.nextBytes(challenge);
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String id = idOf(challenge);
    em.persist(new ExportChallengeRecord(id, subject.value(), keyId.value(), now, expires));
    audit.append(SYSTEM, "export.challenge", subject.value(), "MINTED", "key " + keyId + " " + id);
    return Optional.of(new Challenge(challenge, expires));
  }

  /**
   * Uses the challenge up for an export of this subject's key; false when it is unknown, for
   * another subject or key, expired or used already (a refusal leaves it as it was).
   */
  @Transactional
  public boolean useUp(byte[] challenge, Subject subject, KeyId keyId) {
    if (challenge == null || challenge.length != LENGTH) {
      return false;
    }
    Instant now = clock.instant();
    int updated =
        em.createQuery(
                "UPDATE ExportChallengeRecord c SET c.usedAt = :now WHERE c.id = :id"
                    + " AND c.subject = :subject AND c.keyId = :key AND c.usedAt IS NULL"
                    + " AND c.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("id", idOf(challenge))
            .setParameter("subject", subject.value())
            .setParameter("key", keyId.value())
            .executeUpdate();
    audit.append(
        SYSTEM,
        "export.challenge",
        subject.value(),
        updated == 1 ? "USED" : "REFUSED",
        "key " + keyId + " " + idOf(challenge));
    return updated == 1;
  }

  /** Housekeeping: expired challenges can never be used, so their rows can go. */
  @Transactional
  public int deleteExpiredOlderThan(Duration age) {
    return em.createQuery("DELETE FROM ExportChallengeRecord c WHERE c.expiresAt < :cutoff")
        .setParameter("cutoff", clock.instant().minus(age))
        .executeUpdate();
  }

  static String idOf(byte[] challenge) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(challenge));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
