package org.planbok.node2.secrets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.secrets.control.CheckOutcome.Locked;
import org.planbok.node2.secrets.control.CheckOutcome.NotEnrolled;
import org.planbok.node2.secrets.control.CheckOutcome.RecoveryNotReady;
import org.planbok.node2.secrets.control.CheckOutcome.Rejected;
import org.planbok.node2.secrets.entity.SecretVerifierRecord;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.Ticket;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.control.Tickets;

/**
 * The pepper oracle with the attempt counter (DESIGN §5).
 *
 * <p>For a subject (customer or organization id) and a purpose ({@code pin}, {@code questions},
 * {@code org-secret}) Node 2 stores the verifier of {@link PepperKey}, sealed; a correct secret
 * yields the pepper and the tickets asked for. {@code k_pepper} is 32 random bytes made once and
 * sealed in the database ({@link SealedKeys}, name {@code "pepper"}), not derived from the master
 * key: peppers wrap Node 1's shares, and must not change when the master key rotates.
 *
 * <p>Each subject has one unlock purpose fixed by its kind ({@link SubjectKind}: a customer's
 * {@code pin}, an organization's {@code org-secret}). Only that purpose is enrolled without a
 * ticket, and only while the subject has none; every other enrollment, every replacement and every
 * removal needs an {@code ENROLL} ticket whose key id is the purpose, bought by a check of a
 * purpose that may buy it, redeemed in the transaction of the change. Every enrollment draws fresh
 * random bytes the pepper binds, so {@code enroll} answers a pepper no earlier wrapping was made
 * with: a holder of an ENROLL ticket can replace a secret but not test guesses of the old one. Both
 * the check and the enrollment read the counter row with {@code PESSIMISTIC_WRITE} ({@code SELECT …
 * FOR UPDATE}) and update it in the same transaction, so concurrent attempts for one subject and
 * purpose queue on the row: never more than {@code max-failures} wrong secrets are evaluated before
 * the lock. Of concurrent first enrollments, which find no row to lock, the primary key lets
 * exactly one insert; the others are refused as already enrolled. Each attempt is audited with its
 * outcome ({@code REJECTED} and {@code REJECTED_LOCKED} are the evaluated wrong ones; {@code
 * LOCKED} ones were refused unevaluated).
 *
 * <p>Recovery secrets ({@code questions}, {@code email}) buy nothing but an ENROLL ticket for the
 * PIN, so every recovery ends in a new PIN; each ticket records the purpose that bought it, and
 * every redemption checks it again ({@link SubjectKind#mayRedeem}). The recovery kit ({@code
 * email}) is delayed: its pepper is answered only through a matured recovery ({@link Recoveries}).
 */
@ApplicationScoped
public class SecretOracle {
  public static final int MAX_TICKETS = 8;
  static final String SEAL_PURPOSE = "verifier";
  private static final int MAX_SECRET = 1024;
  private static final int MAX_SUBJECT = 200;
  private static final String SYSTEM = "-";
  // SQLSTATE 23505, unique_violation, as both PostgreSQL and H2 report a duplicate primary key.
  private static final String DUPLICATE_KEY = "23505";
  private static final SecureRandom RANDOM = new SecureRandom();

  private EntityManager em;
  private Sealer sealer;
  private PepperKey pepperKey;
  private Tickets tickets;
  private AuditLog audit;
  private LockoutPolicies policies;
  private Recoveries recoveries;
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
      Recoveries recoveries,
      Clock clock) {
    this.em = em;
    this.sealer = sealer;
    this.pepperKey = new PepperKey(sealedKeys);
    this.tickets = tickets;
    this.audit = audit;
    this.policies = policies;
    this.recoveries = recoveries;
    this.clock = clock;
  }

  /**
   * Enrolls the subject's secret and returns its pepper (the caller zeroes it), bound to random
   * bytes drawn for this enrollment. With an empty {@code ticket} only the subject's unlock purpose
   * is enrolled, and only while it has none; with one, the ticket must be an {@code ENROLL} ticket
   * for this subject and purpose, and the secret is set up or replaced and its counter reset. The
   * caller keeps ownership of {@code secret}.
   *
   * @throws EnrollRefused when no ticket came for a secret that exists or is not the unlock
   *     purpose, or the ticket is refused; nothing changed but the audit log
   */
  @Transactional
  public byte[] enroll(Subject subject, Purpose purpose, byte[] secret, byte[] ticket)
      throws EnrollRefused {
    SubjectKind kind = validate(subject, purpose, secret);
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    boolean withTicket = ticket != null && ticket.length > 0;
    if (!withTicket && !kind.isUnlock(purpose)) {
      audit.append(SYSTEM, "secret.enroll", id, "TICKET_REQUIRED", "");
      throw new EnrollRefused(EnrollRefused.Reason.TICKET_REQUIRED);
    }
    if (!withTicket && record != null) {
      audit.append(SYSTEM, "secret.enroll", id, "ALREADY_ENROLLED", "");
      throw new EnrollRefused(EnrollRefused.Reason.ALREADY_ENROLLED);
    }
    if (withTicket) {
      redeemEnrollTicket(id, subject, purpose, ticket);
    }
    byte[] enrollment = new byte[SecretVerifierRecord.ENROLLMENT];
    RANDOM.nextBytes(enrollment);
    byte[] verifier = pepperKey.verifier(subject, purpose, secret);
    try {
      byte[] sealed = sealer.seal(SEAL_PURPOSE, id, verifier);
      if (record == null) {
        insertFirst(
            new SecretVerifierRecord(subject, purpose, sealed, enrollment, clock.instant()));
      } else {
        record.reenroll(sealed, enrollment, clock.instant());
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
    if (Recoveries.isDelayed(purpose)) {
      recoveries.closeAll(subject, purpose, "its secret was replaced");
    }
    return pepperKey.pepper(subject, purpose, enrollment, secret);
  }

  /**
   * Forgets the subject's secret of this purpose with an ENROLL ticket for it, and closes its open
   * recoveries; returns whether one was enrolled. The unlock purpose is never removed: once gone,
   * anyone could enroll it again without a ticket.
   *
   * @throws EnrollRefused when the ticket is refused; nothing changed but the audit log
   * @throws IllegalArgumentException for the unlock purpose
   */
  @Transactional
  public boolean remove(Subject subject, Purpose purpose, byte[] ticket) throws EnrollRefused {
    if (validateSubjectAndPurpose(subject, purpose).isUnlock(purpose)) {
      throw new IllegalArgumentException("the unlock secret is replaced, never removed");
    }
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    redeemEnrollTicket(id, subject, purpose, ticket);
    if (record != null) {
      em.remove(record);
    }
    if (Recoveries.isDelayed(purpose)) {
      recoveries.closeAll(subject, purpose, "its secret was removed");
    }
    audit.append(SYSTEM, "secret.remove", id, record == null ? "NOT_ENROLLED" : "REMOVED", "");
    return record != null;
  }

  /** What an administrator's unlock did, and when the next one is allowed. */
  public record Unlock(Outcome outcome, Instant nextUnlockAt) {
    /** The outcomes of an unlock. */
    public enum Outcome {
      UNLOCKED,
      NOT_LOCKED,
      TOO_SOON,
      NOT_ENROLLED
    }
  }

  /**
   * Lifts the lockout of the subject's secret for an administrator ({@code requestedBy}), at most
   * once per {@link LockoutPolicies#unlockInterval()}; the lockout count is kept, so the next
   * lockout lasts twice as long. Every request is audited, refused or not.
   */
  @Transactional
  public Unlock unlock(Subject subject, Purpose purpose, String requestedBy) {
    validateSubjectAndPurpose(subject, purpose);
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    Unlock result;
    if (record == null) {
      result = new Unlock(Unlock.Outcome.NOT_ENROLLED, null);
    } else if (record.lockedUntil() == null || !now.isBefore(record.lockedUntil())) {
      result = new Unlock(Unlock.Outcome.NOT_LOCKED, null);
    } else if (record.unlockedAt() != null
        && now.isBefore(record.unlockedAt().plus(policies.unlockInterval()))) {
      result =
          new Unlock(Unlock.Outcome.TOO_SOON, record.unlockedAt().plus(policies.unlockInterval()));
    } else {
      record.unlock(now);
      result = new Unlock(Unlock.Outcome.UNLOCKED, now.plus(policies.unlockInterval()));
    }
    audit.append(SYSTEM, "secret.unlock", id, result.outcome().name(), "by " + requestedBy);
    return result;
  }

  /**
   * Opens a recovery of a delayed secret with the secret itself, counted like a check: the right
   * one answers the open recovery (new or resumed), a wrong one is rejected or locks.
   */
  @Transactional
  public CheckOutcome startRecovery(Subject subject, Purpose purpose, byte[] secret) {
    validate(subject, purpose, secret);
    if (!Recoveries.isDelayed(purpose)) {
      throw new IllegalArgumentException("purpose " + purpose + " has no delayed recovery");
    }
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    CheckOutcome refused = evaluate(record, id, subject, purpose, secret, "recovery.start");
    return refused != null ? refused : recoveries.start(subject, purpose);
  }

  /** Checks the secret without asking for tickets. */
  public CheckOutcome check(Subject subject, Purpose purpose, byte[] secret) {
    return check(subject, purpose, secret, List.of());
  }

  /**
   * Checks the secret. On success returns the pepper and one ticket for each of {@code wanted} (at
   * most {@link #MAX_TICKETS}, of them at most {@link Tickets#maxSignPerCheck()} SIGN tickets, all
   * for this subject and each one this purpose may buy), minted in this transaction and recording
   * the purpose that bought them. The caller keeps ownership of {@code secret}.
   */
  @Transactional
  public CheckOutcome check(
      Subject subject, Purpose purpose, byte[] secret, List<TicketRequest> wanted) {
    SubjectKind kind = validate(subject, purpose, secret);
    if (wanted.size() > MAX_TICKETS) {
      throw new IllegalArgumentException("at most " + MAX_TICKETS + " tickets at once");
    }
    if (signTickets(wanted) > tickets.maxSignPerCheck()) {
      throw new IllegalArgumentException(
          "at most " + tickets.maxSignPerCheck() + " SIGN tickets per check");
    }
    if (wanted.stream().anyMatch(r -> !r.subject().equals(subject))) {
      throw new IllegalArgumentException("a ticket request is for another subject");
    }
    if (!wanted.stream().allMatch(r -> kind.mayRedeem(purpose, r.operation(), r.keyId().value()))) {
      throw new IllegalArgumentException("a " + purpose + " does not buy every ticket asked for");
    }
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    CheckOutcome refused = evaluate(record, id, subject, purpose, secret, "secret.check");
    if (refused != null) {
      return refused;
    }
    if (Recoveries.isDelayed(purpose)) {
      RecoveryNotReady notReady = recoveries.release(subject, purpose);
      if (notReady != null) {
        return notReady;
      }
    }
    List<Ticket> minted = new ArrayList<>();
    for (TicketRequest request : wanted) {
      minted.add(tickets.mint(request, purpose));
    }
    audit.append(SYSTEM, "secret.check", id, "ACCEPTED", describe(minted));
    return new Accepted(pepperKey.pepper(subject, purpose, record.enrollment(), secret), minted);
  }

  /**
   * Until when a secret that replaced an earlier one (a PIN change, a recovery's new PIN) is still
   * too new for {@code settle}: null when it never replaced one or that was long enough ago. A
   * backend that relays a PIN change chose the new secret; the wait gives the customer, who finds
   * their PIN no longer works and is told by mail, time to recover before anything is exported.
   */
  @Transactional
  public Instant unsettledUntil(Subject subject, Purpose purpose, java.time.Duration settle) {
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, SecretVerifierRecord.idOf(subject, purpose));
    if (record == null || record.replacedAt() == null) {
      return null;
    }
    Instant until = record.replacedAt().plus(settle);
    return clock.instant().isBefore(until) ? until : null;
  }

  /** How many of the requests are for SIGN tickets. */
  public static long signTickets(List<TicketRequest> wanted) {
    return wanted.stream().filter(r -> r.operation() == Operation.SIGN).count();
  }

  /**
   * Whether {@code secret} is the subject's enrolled secret of {@code purpose}, evaluated and
   * counted as a check is (a wrong one is a failed attempt and may lock; during a lockout it is
   * refused unevaluated) but answering no pepper and minting nothing: for a secret that reaches
   * Node 2 inside something else, such as the PIN secret a device seals into an export
   * authorization.
   */
  @Transactional
  public boolean confirms(Subject subject, Purpose purpose, byte[] secret) {
    validate(subject, purpose, secret);
    String id = SecretVerifierRecord.idOf(subject, purpose);
    SecretVerifierRecord record =
        em.find(SecretVerifierRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (evaluate(record, id, subject, purpose, secret, "secret.confirm") != null) {
      return false;
    }
    audit.append(SYSTEM, "secret.confirm", id, "CONFIRMED", "");
    return true;
  }

  /**
   * Evaluates the secret against the locked row, counting a wrong one: null when it matched (the
   * counter is then reset), else the refusal (not enrolled, locked, rejected), audited under {@code
   * operation}.
   */
  private CheckOutcome evaluate(
      SecretVerifierRecord record,
      String id,
      Subject subject,
      Purpose purpose,
      byte[] secret,
      String operation) {
    if (record == null) {
      audit.append(SYSTEM, operation, id, "NOT_ENROLLED", "");
      return new NotEnrolled();
    }
    Instant now = clock.instant();
    record.decay(now, policies.forPurpose(purpose).decay());
    if (record.lockedUntil() != null) {
      if (now.isBefore(record.lockedUntil())) {
        audit.append(SYSTEM, operation, id, "LOCKED", "until " + record.lockedUntil());
        return new Locked(record.lockedUntil());
      }
      record.lockExpired();
    }
    if (matches(record, subject, purpose, secret)) {
      record.succeeded();
      return null;
    }
    return counted(record, id, purpose, now, operation);
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

  private void redeemEnrollTicket(String id, Subject subject, Purpose purpose, byte[] ticket)
      throws EnrollRefused {
    try {
      tickets.redeem(ticket, subject, KeyId.of(purpose.label()), Operation.ENROLL, new byte[0]);
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
      SecretVerifierRecord record, String id, Purpose purpose, Instant now, String operation) {
    LockoutPolicy policy = policies.forPurpose(purpose);
    int failures = record.failed();
    if (failures >= policy.maxFailures()) {
      Instant until = policy.lockedUntil(now, record.lockouts() + 1);
      record.lockUntil(until);
      audit.append(
          SYSTEM,
          operation,
          id,
          "REJECTED_LOCKED",
          "lockout " + record.lockouts() + " until " + until);
      return new Locked(until);
    }
    int left = policy.maxFailures() - failures;
    audit.append(SYSTEM, operation, id, "REJECTED", left + " attempt(s) left");
    return new Rejected(left);
  }

  private boolean matches(
      SecretVerifierRecord record, Subject subject, Purpose purpose, byte[] secret) {
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

  /** The subject's kind, once the subject is well formed and can have a secret of the purpose. */
  private static SubjectKind validateSubjectAndPurpose(Subject subject, Purpose purpose) {
    if (subject == null || subject.value().length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " characters");
    }
    if (purpose == null) {
      throw new IllegalArgumentException("purpose is missing");
    }
    SubjectKind kind = subject.kind();
    if (!kind.has(purpose)) {
      throw new IllegalArgumentException("a " + kind + " subject has no " + purpose);
    }
    return kind;
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static SubjectKind validate(Subject subject, Purpose purpose, byte[] secret) {
    SubjectKind kind = validateSubjectAndPurpose(subject, purpose);
    if (secret == null || secret.length == 0 || secret.length > MAX_SECRET) {
      throw new IllegalArgumentException("secret must be 1 to " + MAX_SECRET + " bytes");
    }
    return kind;
  }
}
