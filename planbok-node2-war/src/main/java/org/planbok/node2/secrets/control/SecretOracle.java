package org.planbok.node2.secrets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.secrets.entity.SecretVerifierRecord;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.Ticket;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.control.Tickets;
import org.planbok.node2.tickets.entity.Operation;

/**
 * The pepper oracle with the attempt counter (DESIGN §5).
 *
 * <p>For a subject (customer or organization id) and a purpose ({@code pin}, {@code questions},
 * {@code org-secret}) Node 2 stores the verifier of {@link PepperKey}, sealed; a correct secret
 * yields the pepper and the tickets asked for. {@code k_pepper} is 32 random bytes made once and
 * sealed in the database ({@link SealedKeys}, name {@code "pepper"}), not derived from the master
 * key: peppers wrap Node 1's shares, and must not change when the master key rotates.
 *
 * <p>The first secret of a purpose is enrolled without a ticket; replacing it needs an {@code
 * ENROLL} ticket whose key id is the purpose, redeemed in the transaction of the replacement. Both
 * the check and the enrollment read the counter row with {@code PESSIMISTIC_WRITE} ({@code SELECT …
 * FOR UPDATE}) and update it in the same transaction, so concurrent attempts for one subject and
 * purpose queue on the row: never more than {@code max-failures} wrong secrets are evaluated before
 * the lock. Of concurrent first enrollments, which find no row to lock, the primary key lets
 * exactly one insert; the others are refused as already enrolled. Each attempt is audited with its
 * outcome ({@code REJECTED} and {@code REJECTED_LOCKED} are the evaluated wrong ones; {@code
 * LOCKED} ones were refused unevaluated).
 */
@ApplicationScoped
public class SecretOracle {
  public static final String PIN = "pin";
  public static final String QUESTIONS = "questions";
  public static final String ORG_SECRET = "org-secret";
  public static final Set<String> PURPOSES = Set.of(PIN, QUESTIONS, ORG_SECRET);
  public static final int MAX_TICKETS = 8;
  static final String SEAL_PURPOSE = "verifier";
  private static final int MAX_SECRET = 1024;
  private static final int MAX_SUBJECT = 200;
  private static final String SYSTEM = "-";
  // SQLSTATE 23505, unique_violation, as both PostgreSQL and H2 report a duplicate primary key.
  private static final String DUPLICATE_KEY = "23505";

  private EntityManager em;
  private Sealer sealer;
  private PepperKey pepperKey;
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
    this.pepperKey = new PepperKey(sealedKeys);
    this.tickets = tickets;
    this.audit = audit;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * Enrolls the subject's secret and returns its pepper (the caller zeroes it). With an empty
   * {@code ticket} only a first enrollment is allowed; with one, the ticket must be an {@code
   * ENROLL} ticket for this subject and purpose, and the secret is replaced and its counter reset.
   * The caller keeps ownership of {@code secret}.
   *
   * @throws EnrollRefused when the secret exists and no ticket came, or the ticket is refused;
   *     nothing changed but the audit log
   */
  @Transactional
  public byte[] enroll(String subject, String purpose, byte[] secret, byte[] ticket)
      throws EnrollRefused {
    validate(subject, purpose, secret);
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    boolean withTicket = ticket != null && ticket.length > 0;
    if (!withTicket && record != null) {
      audit.append(SYSTEM, "secret.enroll", id, "ALREADY_ENROLLED", "");
      throw new EnrollRefused(EnrollRefused.Reason.ALREADY_ENROLLED);
    }
    if (withTicket) {
      redeemEnrollTicket(id, subject, purpose, ticket);
    }
    byte[] verifier = pepperKey.verifier(subject, purpose, secret);
    try {
      byte[] sealed = sealer.seal(SEAL_PURPOSE, id, verifier);
      if (record == null) {
        insertFirst(new SecretVerifierRecord(subject, purpose, sealed, clock.instant()));
      } else {
        record.reenroll(sealed, clock.instant());
      }
    } finally {
      Arrays.fill(verifier, (byte) 0);
    }
    audit.append(
        SYSTEM,
        "secret.enroll",
        id,
        record == null ? "ENROLLED" : "REPLACED",
        withTicket ? "with an ENROLL ticket" : "");
    return pepperKey.pepper(subject, purpose, secret);
  }

  /** Checks the secret without asking for tickets. */
  public CheckOutcome check(String subject, String purpose, byte[] secret) {
    return check(subject, purpose, secret, List.of());
  }

  /**
   * Checks the secret. On success returns the pepper and one ticket for each of {@code wanted} (at
   * most {@link #MAX_TICKETS}, all for this subject), minted in this transaction. The caller keeps
   * ownership of {@code secret}.
   */
  @Transactional
  public CheckOutcome check(
      String subject, String purpose, byte[] secret, List<TicketRequest> wanted) {
    validate(subject, purpose, secret);
    if (wanted.size() > MAX_TICKETS) {
      throw new IllegalArgumentException("at most " + MAX_TICKETS + " tickets at once");
    }
    if (wanted.stream().anyMatch(r -> !r.subject().equals(subject))) {
      throw new IllegalArgumentException("a ticket request is for another subject");
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
      List<Ticket> minted = new ArrayList<>();
      for (TicketRequest request : wanted) {
        minted.add(tickets.mint(request));
      }
      audit.append(SYSTEM, "secret.check", id, "ACCEPTED", describe(minted));
      return new Accepted(pepperKey.pepper(subject, purpose, secret), minted);
    }
    return counted(record, id, purpose, now);
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

  private void redeemEnrollTicket(String id, String subject, String purpose, byte[] ticket)
      throws EnrollRefused {
    try {
      tickets.redeem(ticket, subject, KeyId.of(purpose), Operation.ENROLL, new byte[0]);
    } catch (TicketRefused e) {
      audit.append(SYSTEM, "secret.enroll", id, "BAD_TICKET", e.reason().name());
      throw new EnrollRefused(EnrollRefused.Reason.BAD_TICKET, e.reason());
    }
  }

  /**
   * A first enrollment. Another transaction may be inserting the same row (there was none to lock):
   * the flush then fails on the primary key once that one commits, and this one is refused. The
   * failed flush has marked the transaction for rollback, so nothing more is written here.
   */
  private void insertFirst(SecretVerifierRecord record) throws EnrollRefused {
    try {
      em.persist(record);
      em.flush();
    } catch (PersistenceException e) {
      if (isDuplicateKey(e)) {
        throw new EnrollRefused(EnrollRefused.Reason.ALREADY_ENROLLED);
      }
      throw e;
    }
  }

  private CheckOutcome counted(
      SecretVerifierRecord record, String id, String purpose, Instant now) {
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

  private boolean matches(
      SecretVerifierRecord record, String subject, String purpose, byte[] secret) {
    byte[] sealed = record.sealedVerifier();
    byte[] stored = sealer.unseal(SEAL_PURPOSE, record.id(), sealed);
    byte[] candidate = pepperKey.verifier(subject, purpose, secret);
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

  private static String describe(List<Ticket> minted) {
    return minted.isEmpty()
        ? ""
        : "tickets " + minted.stream().map(Ticket::id).collect(Collectors.joining(","));
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
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
