package org.planbok.organization.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.planbok.idempotency.control.IdempotencyScope;
import org.planbok.organization.entity.OrganizationId;

/**
 * Who is calling, as authentication established it for this request: an organization (by API key)
 * or the operator. Resources take the organization only from here, never from the request.
 */
@RequestScoped
public class CallerOrganization {
  private OrganizationId organization;
  private boolean operator;
  private String consoleUser;

  public void authenticated(OrganizationId organization) {
    this.organization = organization;
  }

  public void authenticatedOperator() {
    this.operator = true;
  }

  /**
   * A console user of the organization: the organization is theirs, and their idempotency keys are
   * their own (a console key never meets an API key of the same organization).
   */
  public void authenticatedConsoleUser(OrganizationId organization, String userId) {
    this.organization = organization;
    this.consoleUser = userId;
  }

  /** The calling organization; only resources behind {@link ApiKeyAuthentication} ask. */
  public OrganizationId id() {
    if (organization == null) {
      throw new IllegalStateException("no organization authenticated for this request");
    }
    return organization;
  }

  /** Whose idempotency keys this request's key is among. */
  public IdempotencyScope idempotencyScope() {
    if (consoleUser != null) {
      return new IdempotencyScope("console:" + consoleUser);
    }
    if (organization != null) {
      return IdempotencyScope.organization(organization);
    }
    if (operator) {
      return IdempotencyScope.OPERATOR;
    }
    throw new IllegalStateException("no caller authenticated for this request");
  }
}
