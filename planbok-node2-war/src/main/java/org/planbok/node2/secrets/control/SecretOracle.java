package org.planbok.node2.secrets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.secrets.entity.SecretVerifierRecord;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.Ticket;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.control.Tickets;

/**
 * The pepper oracle with the attempt counter (DESIGN §5).
 *
 * <p>For a subject (customer or organization id) and a purpose ({@code pin}, {@code questions},
 * {@code org-secret}) Node 2 stores {@code verifier = HMAC-SHA256(k_pepper, "verify" ‖ subject ‖
 * purpose ‖ secret)}, sealed; a correct secret yields {@code pepper = HMAC-SHA256(k_pepper, "kek" ‖
 * subject ‖ purpose ‖ secret)} and, if asked, a ticket. Every HMAC input field is length-prefixed
 * (u32 big-endian), so no two field splits collide. {@code k_pepper} is 32 random bytes made once
 * and sealed in the database ({@link SealedKeys}, name {@code "pepper"}), not derived from the
 * master key: peppers wrap Node 1's shares, and must not change when the master key rotates.
 *
 * <p>The check reads the counter row with {@code PESSIMISTIC_WRITE} ({@code SELECT … FOR UPDATE})
 * and updates it in the same transaction, so concurrent attempts for one subject and purpose queue
 * on the row: never more than {@code max-failures} wrong secrets are evaluated before the lock.
 * Each attempt is audited with its outcome ({@code REJECTED} and {@code REJECTED_LOCKED} are the
 * evaluated wrong ones; {@code LOCKED} ones were refused unevaluated).
 */
@ApplicationScoped
public class SecretOracle {
  public static final String PIN = "pin";
  public static final String QUESTIONS = "questions";
  public static final String ORG_SECRET = "org-secret";
  static final Set<String> PURPOSES = Set.of(PIN, QUESTIONS, ORG_SECRET);
  static final String SEAL_PURPOSE = "verifier";
  private static final int MAX_SECRET = 1024;
  private static final int MAX_SUBJECT = 200;
  private static final String SYSTEM = "-";

  private EntityManager em;
  private Sealer sealer;
  private SealedKeys sealedKeys;
  private Tickets tickets;
  private AuditLog audit;
  private LockoutPolicies policies;
  private Clock clock;

  SecretOracle() {
    // for the CDI proxy
  }

  @Inject
  public SecretOracle(
      @Node2Store EntityManager em,
      Sealer sealer,
      SealedKeys sealedKeys,
      Tickets tickets,
      AuditLog audit,
      LockoutPolicies policies,
      Clock clock) {
    this.em = em;
    this.sealer = sealer;
    this.sealedKeys = sealedKeys;
    this.tickets = tickets;
    this.audit = audit;
    this.policies = policies;
    this.clock = clock;
  }

  /** Stores (or replaces) the verifier of the subject's secret and resets its counter. */
  @Transactional
  public void enroll(String subject, String purpose, byte[] secret) {
    validate(subject, purpose, secret);
    String id = SecretVerifierRecord.idOf(subject, purpose);
    byte[] verifier = hmac("verify", subject, purpose, secret);
    try {
      byte[] sealed = sealer.seal(SEAL_PURPOSE, id, verifier);
      SecretVerifierRecord record =
          em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (record == null) {
        em.persist(new SecretVerifierRecord(subject, purpose, sealed, clock.instant()));
      } else {
        record.reenroll(sealed, clock.instant());
      }
      audit.append(SYSTEM, "secret.enroll", id, record == null ? "ENROLLED" : "REPLACED", "");
    } finally {
      Arrays.fill(verifier, (byte) 0);
    }
  }

  /**
   * Checks the secret. On success returns the pepper and, when {@code ticketRequest} is not null
   * (its subject must be this subject), a ticket for it. The caller keeps ownership of {@code
   * secret}.
   */
  @Transactional
  public CheckOutcome check(
      String subject, String purpose, byte[] secret, TicketRequest ticketRequest) {
    validate(subject, purpose, secret);
    if (ticketRequest != null && !ticketRequest.subject().equals(subject)) {
      throw new IllegalArgumentException("the ticket request is for another subject");
    }
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (record == null) {
      audit.append(SYSTEM, "secret.check", id, "NOT_ENROLLED", "");
      return new NotEnrolled();
    }
    Instant now = clock.instant();
    if (record.lockedUntil() != null) {
      if (now.isBefore(record.lockedUntil())) {
        audit.append(SYSTEM, "secret.check", id, "LOCKED", "until " + record.lockedUntil());
        return new Locked(record.lockedUntil());
      }
      record.lockExpired();
    }
    if (matches(record, subject, purpose, secret)) {
      record.succeeded();
      byte[] pepper = hmac("kek", subject, purpose, secret);
      Ticket ticket = ticketRequest == null ? null : tickets.mint(ticketRequest);
      audit.append(
          SYSTEM, "secret.check", id, "ACCEPTED", ticket == null ? "" : "ticket " + ticket.id());
      return new Accepted(pepper, ticket);
    }
    LockoutPolicy policy = policies.forPurpose(purpose);
    int failures = record.failed();
    if (failures >= policy.maxFailures()) {
      Instant until = policy.lockedUntil(now, record.lockouts() + 1);
      record.lockUntil(until);
      audit.append(
          SYSTEM,
          "secret.check",
          id,
          "REJECTED_LOCKED",
          "lockout " + record.lockouts() + " until " + until);
      return new Locked(until);
    }
    int left = policy.maxFailures() - failures;
    audit.append(SYSTEM, "secret.check", id, "REJECTED", left + " attempt(s) left");
    return new Rejected(left);
  }

  /** Re-seals every verifier still sealed under the previous master key; returns how many. */
  @Transactional
  public int resealStale() {
    int resealed = 0;
    for (SecretVerifierRecord row :
        em.createQuery("SELECT v FROM SecretVerifierRecord v", SecretVerifierRecord.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      if (!sealer.isCurrent(row.sealedVerifier())) {
        row.resealed(sealer.reseal(SEAL_PURPOSE, row.id(), row.sealedVerifier()));
        resealed++;
      }
    }
    return resealed;
  }

  private boolean matches(
      SecretVerifierRecord record, String subject, String purpose, byte[] secret) {
    byte[] sealed = record.sealedVerifier();
    byte[] stored = sealer.unseal(SEAL_PURPOSE, record.id(), sealed);
    byte[] candidate = hmac("verify", subject, purpose, secret);
    try {
      if (!sealer.isCurrent(sealed)) {
        record.resealed(sealer.seal(SEAL_PURPOSE, record.id(), stored));
      }
      return MessageDigest.isEqual(stored, candidate);
    } finally {
      Arrays.fill(stored, (byte) 0);
      Arrays.fill(candidate, (byte) 0);
    }
  }

  private byte[] hmac(String label, String subject, String purpose, byte[] secret) {
    byte[] key = sealedKeys.key(SealedKeys.PEPPER);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      field(mac, label.getBytes(StandardCharsets.UTF_8));
      field(mac, subject.getBytes(StandardCharsets.UTF_8));
      field(mac, purpose.getBytes(StandardCharsets.UTF_8));
      field(mac, secret);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  // Fed straight into the MAC: no buffer holds a copy of the secret.
  private static void field(Mac mac, byte[] value) {
    mac.update(ByteBuffer.allocate(4).putInt(value.length).array());
    mac.update(value);
  }

  private static void validate(String subject, String purpose, byte[] secret) {
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " characters");
    }
    if (!PURPOSES.contains(purpose)) {
      throw new IllegalArgumentException("purpose must be one of " + PURPOSES);
    }
    if (secret == null || secret.length == 0 || secret.length > MAX_SECRET) {
      throw new IllegalArgumentException("secret must be 1 to " + MAX_SECRET + " bytes");
    }
  }
}
