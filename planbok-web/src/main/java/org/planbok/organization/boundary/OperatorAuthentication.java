package org.planbok.organization.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.planbok.audit.control.AuditActor;
import org.planbok.organization.control.OperatorCredential;

/**
 * Authenticates the operator's paths ({@code /api/v1/operator/…}) by the operator token, never by
 * an organization's API key. Without {@code planbok.operator.token-sha256} every call is refused.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class OperatorAuthentication implements ContainerRequestFilter {
  @Inject OperatorCredential operator;
  @Inject CallerOrganization caller;
  @Inject AuditActor actor;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ProtectedPaths.isOperator(request.getUriInfo().getPath())) {
      return;
    }
    Optional<String> token = BearerCredentials.token(request);
    if (token.isEmpty() || !operator.verify(token.get())) {
      request.abortWith(
          BearerCredentials.unauthenticated(
              operator.isConfigured()
                  ? "The operator token is required: Authorization: Bearer <operator token>."
                  : "Operator access is off: planbok.operator.token-sha256 is not set.",
              token.isPresent()));
      return;
    }
    caller.authenticatedOperator();
    actor.is("operator");
  }
}
