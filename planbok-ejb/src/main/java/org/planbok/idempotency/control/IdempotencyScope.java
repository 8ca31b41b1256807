package org.planbok.idempotency.control;

import java.util.Objects;
import org.planbok.organization.entity.OrganizationId;

/**
 * Whose keys these are: an organization's keys never meet another's, so two organizations may use
 * the same key. The operator has a scope of its own.
 */
public record IdempotencyScope(String value) {
  public static final IdempotencyScope OPERATOR = new IdempotencyScope("operator");

  public IdempotencyScope {
    Objects.requireNonNull(value);
  }

  public static IdempotencyScope organization(OrganizationId organizationId) {
    return new IdempotencyScope("org:" + organizationId);
  }

  @Override
  public String toString() {
    return value;
  }
}
