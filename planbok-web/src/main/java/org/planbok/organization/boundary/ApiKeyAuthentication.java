package org.planbok.organization.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.planbok.organization.control.ApiKeys;
import org.planbok.organization.entity.OrganizationId;

/**
 * Authenticates every API request outside {@code system} and {@code operator} by its {@code
 * Authorization: Bearer pbk_live_…} key and puts the key's organization in {@link
 * CallerOrganization}. Missing, malformed, unknown and revoked keys all get the same 401, so a
 * caller learns nothing about which keys exist. Runs after matching: an unknown path is a 404.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyAuthentication implements ContainerRequestFilter {
  @Inject ApiKeys keys;
  @Inject CallerOrganization caller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ProtectedPaths.needsApiKey(request.getUriInfo().getPath())) {
      return;
    }
    Optional<String> token = BearerCredentials.token(request);
    if (token.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthenticated(
              "An API key is required: Authorization: Bearer pbk_live_….", false));
      return;
    }
    Optional<OrganizationId> organization = keys.authenticate(token.get());
    if (organization.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthenticated(
              "The API key is not valid: unknown, revoked or malformed.", true));
      return;
    }
    caller.authenticated(organization.get());
  }
}
