package org.planbok.keys.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbok.keys.entity.JointKey;

/**
 * Every 15 seconds, settles keys that have waited for Node 2's decision longer than 10 seconds: the
 * requests that started them died, or Node 2 was away when they asked. A key that Node 2 never
 * committed is thereby forgotten on Node 1 too, so no half key outlives a crash on either side.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyReconciliation {
  private static final Logger LOG = Logger.getLogger(KeyReconciliation.class.getName());
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Inject JointKeys jointKeys;
  @Inject Settlement settlement;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    for (JointKey key : jointKeys.unsettledOlderThan(GRACE)) {
      try {
        settlement.settle(key);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "could not settle key " + key.id() + " yet", e);
        LOG.info(
            () -> "key " + key.id() + " stays unsettled until Node 2 answers: " + e.getMessage());
      }
    }
  }
}
