package org.planbok.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current request acts for, as its authentication established it: {@code
 * api-key:pbk_live_<id>}, {@code console:<email>}, {@code operator}. Set by the web module's
 * authentication; outside a request (timers) the audit log writes {@code system}.
 */
@RequestScoped
public class AuditActor {
  static final String SYSTEM = "system";

  private String actor = SYSTEM;

  public void is(String actor) {
    this.actor = actor;
  }

  public String describe() {
    return actor;
  }
}
