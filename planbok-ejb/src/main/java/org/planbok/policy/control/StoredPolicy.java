package org.planbok.policy.control;

import java.time.Instant;
import org.planbok.custody.entity.Subject;
import org.planbok.policy.entity.SigningPolicy;

/** A scope's current policy as stored: its document, version and hash, who changed it, when. */
public record StoredPolicy(
    String scope,
    long version,
    String hash,
    PolicyDocument document,
    Instant updatedAt,
    String updatedBy) {
  static StoredPolicy of(SigningPolicy p, PolicyDocument document) {
    return new StoredPolicy(
        p.scope(), p.version(), p.hash(), document, p.updatedAt(), p.updatedBy());
  }

  /** Whose policy this is, as the API, the audit and webhooks say it. */
  public String scopeKind() {
    return new Subject(scope).isOrganization() ? "organization" : "customer";
  }
}
