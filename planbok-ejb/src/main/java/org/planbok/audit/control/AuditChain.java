package org.planbok.audit.control;

import java.util.Objects;
import org.planbok.organization.entity.OrganizationId;

/**
 * Which chain a row goes to: each organization has its own, so that appends of different
 * organizations never wait for each other and an organization verifies exactly its own rows; what
 * belongs to no organization (the operator's work) goes to the installation's chain.
 */
public record AuditChain(String value) {
  public static final AuditChain INSTALLATION = new AuditChain("installation");

  public AuditChain {
    Objects.requireNonNull(value);
  }

  public static AuditChain of(OrganizationId organization) {
    return new AuditChain("org:" + organization);
  }

  @Override
  public String toString() {
    return value;
  }
}
