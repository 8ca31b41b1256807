package org.planbok.node2.secrets.control;

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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.secrets.control.CheckOutcome.RecoveryNotReady;
import org.planbok.node2.secrets.control.CheckOutcome.RecoveryStarted;
import org.planbok.node2.secrets.entity.RecoveryRecord;
import org.planbok.node2.secrets.entity.RecoveryState;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.Tickets;

/**
 * The waiting period of a delayed secret (DESIGN §5, email recovery), enforced by Node 2 so that a
 * compromised Node 1 cannot skip it: the kit's pepper is answered only for a recovery that the
 * right kit opened at least {@code planbok.node2.recovery.email-delay} ago (default two days), that
 * no PIN holder cancelled, and whose window ({@code planbok.node2.recovery.email-window} after it
 * matured, default a week) has not closed. Replacing or removing the kit closes its recoveries.
 *
 * <p>Every method runs inside the caller's transaction after the caller locked the subject's
 * verifier row, so the recoveries of one subject and purpose change one at a time.
 */
@ApplicationScoped
public class Recoveries {
  /** The purposes whose pepper waits for a recovery to mature. */
  public static final Set<Purpose> DELAYED = Set.of(Purpose.EMAIL);

  private static final String SYSTEM = "-";

  private EntityManager em;
  private Tickets tickets;
  private AuditLog audit;
  private Clock clock;
  private Duration delay;
  private Duration window;

  Recoveries() {
    // for the CDI proxy
  }

  @Inject
  public Recoveries(
      @Node2Store EntityManager em,
      Tickets tickets,
      AuditLog audit,
      Clock clock,
      @ConfigProperty(name = "planbok.node2.recovery.email-delay", defaultValue = "P2D")
          Duration delay,
      @ConfigProperty(name = "planbok.node2.recovery.email-window", defaultValue = "P7D")
          Duration window) {
    if (delay.isNegative() || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the recovery delay and window must be positive");
    }
    this.em = em;
    this.tickets = tickets;
    this.audit = audit;
    this.clock = clock;
    this.delay = delay;
    this.window = window;
  }

  public static boolean isDelayed(Purpose purpose) {
    return DELAYED.contains(purpose);
  }

  /** Opens a recovery, or answers the open one (its wait never restarts). */
  RecoveryStarted start(Subject subject, Purpose purpose) {
    Instant now = clock.instant();
    Optional<RecoveryRecord> open = open(subject, purpose, now);
    if (open.isPresent()) {
      RecoveryRecord r = open.get();
      audit.append(SYSTEM, "recovery.start", subject.value(), "RESUMED", describe(r));
      return new RecoveryStarted(r.id(), r.startedAt(), r.maturesAt(), r.closesAt(), true);
    }
    Instant matures = now.plus(delay);
    RecoveryRecord r =
        new RecoveryRecord(
            UUID.randomUUID().toString(), subject, purpose, now, matures, matures.plus(window));
    em.persist(r);
    audit.append(SYSTEM, "recovery.start", subject.value(), "WAITING", describe(r));
    return new RecoveryStarted(r.id(), r.startedAt(), r.maturesAt(), r.closesAt(), false);
  }

  /**
   * After the right kit: releases the open, matured recovery (null), or says why not. Audited
   * either way.
   */
  RecoveryNotReady release(Subject subject, Purpose purpose) {
    Instant now = clock.instant();
    Optional<RecoveryRecord> open = open(subject, purpose, now);
    if (open.isEmpty()) {
      audit.append(SYSTEM, "recovery.release", subject.value(), "NOT_STARTED", purpose.label());
      return new RecoveryNotReady(null);
    }
    RecoveryRecord r = open.get();
    if (!r.maturedAt(now)) {
      audit.append(SYSTEM, "recovery.release", subject.value(), "WAITING", describe(r));
      return new RecoveryNotReady(r.maturesAt());
    }
    r.released(now);
    audit.append(SYSTEM, "recovery.release", subject.value(), "RELEASED", describe(r));
    return null;
  }

  /**
   * Cancels the open recoveries with a CANCEL_RECOVERY ticket for the purpose (minted by a PIN
   * check); returns how many.
   */
  @Transactional
  public int cancel(Subject subject, Purpose purpose, byte[] ticket) throws TicketRefused {
    if (!isDelayed(purpose)) {
      throw new IllegalArgumentException("only a delayed purpose has recoveries");
    }
    tickets.redeem(
        ticket, subject, KeyId.of(purpose.label()), Operation.CANCEL_RECOVERY, new byte[0]);
    int cancelled = end(subject, purpose, RecoveryState.CANCELLED);
    audit.append(
        SYSTEM, "recovery.cancel", subject.value(), "CANCELLED", cancelled + " recovery(ies)");
    return cancelled;
  }

  /** Closes the open recoveries because their secret was replaced or removed. */
  void closeAll(Subject subject, Purpose purpose, String why) {
    int closed = end(subject, purpose, RecoveryState.CLOSED);
    if (closed > 0) {
      audit.append(
          SYSTEM, "recovery.close", subject.value(), "CLOSED", closed + " recovery(ies): " + why);
    }
  }

  private int end(Subject subject, Purpose purpose, RecoveryState finalState) {
    List<RecoveryRecord> open = openRows(subject, purpose);
    Instant now = clock.instant();
    open.forEach(r -> r.end(finalState, now));
    return (int) open.stream().filter(r -> r.state() == finalState).count();
  }

  private Optional<RecoveryRecord> open(Subject subject, Purpose purpose, Instant now) {
    return openRows(subject, purpose).stream()
        .filter(r -> r.closesAt().isAfter(now))
        .max((a, b) -> a.startedAt().compareTo(b.startedAt()));
  }

  private List<RecoveryRecord> openRows(Subject subject, Purpose purpose) {
    return em.createQuery(
            "SELECT r FROM RecoveryRecord r WHERE r.subject = :subject AND r.purpose = :purpose"
                + " AND r.state IN :open",
            RecoveryRecord.class)
        .setParameter("subject", subject.value())
        .setParameter("purpose", purpose.label())
        .setParameter("open", List.of(RecoveryState.WAITING, RecoveryState.RELEASED))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  private static String describe(RecoveryRecord r) {
    return "recovery " + r.id() + " matures " + r.maturesAt() + " closes " + r.closesAt();
  }
}
