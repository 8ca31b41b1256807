package org.planbok.node2.keys.control;

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

/**
 * Deletes the pending halves of keygens that never committed (Node 1 died, the stream dropped):
 * every {@code planbok.node2.keys.cleanup-interval} it removes pending shares older than {@code
 * planbok.node2.keys.pending-max-age}. Runs on the container's managed scheduler (no EJB timer,
 * which Payara Micro would need Hazelcast to persist), so the task has the application's context.
 */
@ApplicationScoped
public class AbandonedKeyCleanup {
  private static final Logger LOG = Logger.getLogger(AbandonedKeyCleanup.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject KeyShares keyShares;

  @Inject
  @ConfigProperty(name = "planbok.node2.keys.pending-max-age", defaultValue = "PT10M")
  Duration maxAge;

  @Inject
  @ConfigProperty(name = "planbok.node2.keys.cleanup-interval", defaultValue = "PT1M")
  Duration interval;

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
        LOG.info(() -> "deleted " + deleted + " abandoned pending key share(s)");
      }
    } catch (RuntimeException e) {
      // Logged and retried at the next run: a thrown exception would cancel the schedule.
      LOG.log(Level.WARNING, "clean-up of abandoned key shares failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
