package org.planbok.node2.store.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.exports.control.ExportChallenges;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.tickets.control.Tickets;

/**
 * Node 2's periodic clean-up, every {@code planbok.node2.keys.cleanup-interval}: drops the staged
 * shares of keygens and refreshes that were never finalized (Node 1 died, the stream dropped) once
 * they are older than {@code planbok.node2.keys.pending-max-age} (audited, one row per key; a
 * refreshed key keeps its current share), and the rows of tickets and export challenges that
 * expired more than an hour ago (they can never be redeemed), and it freezes the keys whose signing
 * session left a suspect mark older than {@code planbok.node2.keys.suspect-after} (a crash
 * mid-decryption), and forgets signing sessions that ended longer than {@code
 * planbok.node2.keys.signing-sessions-kept} ago. Runs on the container's managed scheduler (no EJB
 * timer, which Payara Micro would need Hazelcast to persist), so the task has the application's
 * context; every replica may run it, the deletes lock their rows.
 */
@ApplicationScoped
public class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
  private static final Duration TICKET_ROWS_KEPT = Duration.ofHours(1);

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject KeyShares keyShares;

  @Inject Tickets tickets;

  @Inject SigningSessions signingSessions;
  @Inject ExportChallenges exportChallenges;

  @Inject
  @ConfigProperty(name = "planbok.node2.keys.pending-max-age", defaultValue = "PT10M")
  Duration maxAge;

  @Inject
  @ConfigProperty(name = "planbok.node2.keys.cleanup-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "planbok.node2.keys.signing-sessions-kept", defaultValue = "P30D")
  Duration signingSessionsKept;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sweep() {
    try {
      int deleted = keyShares.deleteAbandonedOlderThan(maxAge);
      if (deleted > 0) {
        LOG.info(() -> "dropped " + deleted + " staged key share(s) nobody finalized");
      }
      tickets.deleteExpiredOlderThan(TICKET_ROWS_KEPT);
      signingSessions.deleteEndedOlderThan(signingSessionsKept);
      int frozen = signingSessions.freezeStale();
      if (frozen > 0) {
        LOG.warning(() -> "froze " + frozen + " key(s) whose signing session died mid-decryption");
      }
      exportChallenges.deleteExpiredOlderThan(TICKET_ROWS_KEPT);
    } catch (RuntimeException e) {
      // Logged and retried at the next run: a thrown exception would cancel the schedule.
      LOG.log(Level.WARNING, "Node 2 housekeeping failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
