package org.planbok.recovery.control;

import java.util.logging.Logger;
import org.planbok.custody.entity.Subject;

/**
 * Node 1's record of every recovery step: who, what, the outcome, never a secret, an address or a
 * question's answer. Node 2 keeps its own hash-chained audit of the same steps (checks, recoveries
 * started, released, cancelled, secrets enrolled and removed). Node 1's audit log is not on this
 * branch yet, so these rows go to the server log at INFO under this logger's name; moving them into
 * the audit log is this one class.
 */
final class RecoveryAudit {
  private static final Logger LOG = Logger.getLogger("org.planbok.recovery.audit");

  private RecoveryAudit() {}

  static void record(Subject subject, String action, String outcome, String detail) {
    LOG.info(
        () ->
            "recovery audit: subject="
                + subject
                + " action="
                + action
                + " outcome="
                + outcome
                + (detail == null || detail.isEmpty() ? "" : " detail=" + detail));
  }
}
