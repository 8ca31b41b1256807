package org.planbok.recovery.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;

/**
 * Node 1's record of every recovery step in its organization's audit chain (and the server log):
 * who, what, the outcome, never a secret, an address or a question's answer. Node 2 keeps its own
 * hash-chained audit of the same steps (checks, recoveries started, released, cancelled, secrets
 * enrolled and removed).
 *
 * <p>Rows go in detached ({@link AuditLog#appendDetached}): a recovery appends between steps that
 * commit on their own (the vault rotation, each key's refresh), which would wait for a head this
 * transaction held, and a refused answer or code must stay recorded when its request fails.
 */
@Dependent
class RecoveryAudit {
  private static final Logger LOG = Logger.getLogger("org.planbok.recovery.audit");

  @Inject AuditLog audit;
  @Inject Vaults vaults;

  void record(Subject subject, String action, String outcome, String detail) {
    String more = detail == null ? "" : detail;
    LOG.info(
        () ->
            "recovery audit: subject="
                + subject
                + " action="
                + action
                + " outcome="
                + outcome
                + (more.isEmpty() ? "" : " detail=" + more));
    vaults
        .find(subject)
        .map(Vault::organization)
        .ifPresentOrElse(
            organization ->
                audit.appendDetached(
                    audit.actor(),
                    AuditChain.of(organization),
                    action,
                    subject.value(),
                    outcome,
                    more),
            () ->
                LOG.warning(
                    () ->
                        "no organization for "
                            + subject
                            + ": "
                            + action
                            + " not in the audit log"));
  }
}
