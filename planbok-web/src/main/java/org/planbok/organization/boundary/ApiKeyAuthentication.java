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
import org.planbok.organization.control.ApiKeys;
import org.planbok.organization.entity.ApiKey;

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
  @Inject AuditActor actor;

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
    Optional<ApiKey> key = keys.authenticate(token.get());
    if (key.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthenticated(
              "The API key is not valid: unknown, revoked or malformed.", true));
      return;
    }
    caller.authenticated(key.get().organization());
    actor.is("api-key:" + key.get().prefix());
  }
}
