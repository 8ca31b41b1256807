package org.planbok.recovery.control;

import java.time.Instant;
import java.util.List;
import org.planbok.keys.entity.KeyId;
import org.planbok.recovery.entity.RecoveryMethod;

/**
 * What a recovery did: how and when, which keys got new shares (the same addresses), which were
 * left as they were (frozen keys, which sign nothing until their owner refreshes them), and what
 * became of the emailed kit.
 */
public record RecoveryOutcome(
    RecoveryMethod method,
    Instant recoveredAt,
    List<KeyId> refreshed,
    List<KeyId> skipped,
    Kit kit,
    boolean finished) {

  public RecoveryOutcome {
    refreshed = List.copyOf(refreshed);
    skipped = List.copyOf(skipped);
  }

  /** The emailed kit after the recovery. */
  public enum Kit {
    /** A fresh kit was mailed; the old one no longer works. */
    SENT,
    /** Recovery by email was set up, but the new kit could not be mailed: set it up again. */
    NOT_SENT,
    /** Recovery by email was not set up. */
    NOT_SET
  }
}
