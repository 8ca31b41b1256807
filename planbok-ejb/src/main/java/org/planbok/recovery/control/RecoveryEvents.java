package org.planbok.recovery.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.KeyId;
import org.planbok.recovery.entity.RecoveryMethod;
import org.planbok.recovery.entity.RecoveryProfile;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * A recovery's webhook events, each in the transaction of the step it reports. {@code
 * recovery.matured} happens by time passing: it is written when the recovery starts, due at the end
 * of the waiting period Node 2 announced, and withdrawn if the recovery ends before then
 * (cancelled, its kit replaced or removed, or a recovery by questions), so receivers get it at the
 * moment the customer may complete, and only if they still may.
 */
@Dependent
class RecoveryEvents {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject WebhookEvents events;

  /** A recovery by email was announced to the customer and waits until {@code maturesAt}. */
  void started(Subject subject, Instant startedAt, Instant maturesAt) {
    RecoveryProfile profile = profile(subject);
    events.withdraw(subject, EventType.RECOVERY_MATURED);
    events.record(
        profile.organization(),
        subject,
        EventType.RECOVERY_STARTED,
        email(subject, startedAt, maturesAt));
    events.schedule(
        profile.organization(),
        subject,
        EventType.RECOVERY_MATURED,
        email(subject, startedAt, maturesAt),
        maturesAt);
  }

  void cancelled(Subject subject, int cancelled) {
    events.withdraw(subject, EventType.RECOVERY_MATURED);
    events.record(
        profile(subject).organization(),
        subject,
        EventType.RECOVERY_CANCELLED,
        EventData.of(subject)
            .with("method", RecoveryMethod.EMAIL.label())
            .with("cancelled", cancelled));
  }

  /** No recovery by email waits any more: a scheduled {@code recovery.matured} is taken back. */
  void ended(Subject subject) {
    events.withdraw(subject, EventType.RECOVERY_MATURED);
  }

  void completed(
      Subject subject,
      RecoveryMethod method,
      Instant recoveredAt,
      List<KeyId> refreshed,
      List<KeyId> skipped) {
    events.record(
        profile(subject).organization(),
        subject,
        EventType.RECOVERY_COMPLETED,
        EventData.of(subject)
            .with("method", method.label())
            .with("recoveredAt", recoveredAt)
            .with("refreshedKeys", refreshed.stream().map(KeyId::toString).toList())
            .with("frozenKeysLeft", skipped.stream().map(KeyId::toString).toList()));
  }

  private static EventData email(Subject subject, Instant startedAt, Instant maturesAt) {
    return EventData.of(subject)
        .with("method", RecoveryMethod.EMAIL.label())
        .with("startedAt", startedAt)
        .with("maturesAt", maturesAt);
  }

  private RecoveryProfile profile(Subject subject) {
    return em.find(RecoveryProfile.class, subject.value());
  }
}
