package org.planbok.console.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/**
 * Applies {@link CsrfCheck} to console requests, after {@link ConsoleGate}, before any resource.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
@ApplicationScoped
public class ConsoleCsrf implements ContainerRequestFilter {
  @Inject HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!ConsolePaths.isConsole(path)) {
      return;
    }
    Optional<String> refusal =
        CsrfCheck.refusal(
            request.getMethod(),
            path,
            request.getHeaderString(HttpHeaders.HOST),
            request.getHeaderString("Origin"),
            request.getHeaderString("Sec-Fetch-Site"),
            SignedInUser.of(servletRequest.getSession(false)),
            request.getHeaderString(CsrfCheck.HEADER));
    refusal.ifPresent(
        detail -> request.abortWith(ProblemResponse.of(ProblemType.CSRF_REJECTED, detail)));
  }
}
