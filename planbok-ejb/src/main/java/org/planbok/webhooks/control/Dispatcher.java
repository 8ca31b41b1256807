package org.planbok.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@code planbok.webhooks.poll-interval} it claims the due deliveries
 * ({@link Deliveries#claimDue}), sends them in parallel ({@link Courier}) outside any transaction
 * and logs each attempt. Safe with several Node 1 instances (each row is claimed by one), and after
 * a restart: what was pending is still pending, and a claim the stopped server held expires after
 * its lease. A tick that is still sending when the next one fires makes that one skip.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  static final int BATCH = 32;

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject Deliveries deliveries;
  @Inject Courier courier;
  @Inject WebhookSettings settings;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void start() {
    long every = Math.max(100, settings.pollInterval().toMillis());
    timers.createIntervalTimer(every, every, new TimerConfig("webhooks", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      BackOff backOff = settings.backOff();
      Duration lease = settings.timeout().multipliedBy(2).plusSeconds(5);
      List<Parcel> batch;
      do {
        batch = deliveries.claimDue(BATCH, lease);
        CompletableFuture.allOf(
                batch.stream()
                    .map(p -> CompletableFuture.runAsync(() -> deliver(p, backOff), executor))
                    .toArray(CompletableFuture[]::new))
            .join();
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook dispatch failed; retrying at the next tick", e);
    } finally {
      running.set(false);
    }
  }

  private void deliver(Parcel parcel, BackOff backOff) {
    try (parcel) {
      Courier.Outcome outcome = courier.send(parcel);
      deliveries.attempted(parcel, outcome, backOff);
      if (!outcome.delivered()) {
        LOG.fine(() -> "webhook delivery " + parcel.delivery() + " failed: " + outcome.error());
      }
    }
  }
}
