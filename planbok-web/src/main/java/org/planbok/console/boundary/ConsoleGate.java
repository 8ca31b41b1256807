package org.planbok.console.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planbok.audit.control.AuditActor;
import org.planbok.console.control.ConsoleUsers;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.console.entity.ConsoleUserId;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/**
 * Lets a console request through only with a live session: the container knows the caller ({@link
 * ConsoleAuthenticationMechanism} told it, from the session), and the user is read from the
 * database at every request, so a disabled user, a changed role or password ends the session at
 * once. Puts the user in {@link ConsoleCaller} and names them as the audit actor. A missing or
 * expired session gets 401 with {@code reason} {@code NOT_SIGNED_IN}, {@code SESSION_EXPIRED} or
 * {@code SESSION_ENDED}, so the pages can say which.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ConsoleGate implements ContainerRequestFilter {
  @Inject HttpServletRequest servletRequest;
  @Inject ConsoleUsers users;
  @Inject ConsoleCaller caller;
  @Inject AuditActor actor;
  @Inject CallerOrganization organizationCaller;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!ConsolePaths.isConsole(path) || ConsolePaths.isSignIn(request.getMethod(), path)) {
      return;
    }
    HttpSession session = servletRequest.getSession(false);
    Optional<SignedInUser> signedIn = SignedInUser.of(session);
    if (signedIn.isEmpty()) {
      boolean expired =
          servletRequest.getRequestedSessionId() != null
              && !servletRequest.isRequestedSessionIdValid();
      request.abortWith(
          unauthenticated(
              expired ? "SESSION_EXPIRED" : "NOT_SIGNED_IN",
              expired ? "Your session expired; sign in again." : "Sign in to the console."));
      return;
    }
    Principal principal = servletRequest.getUserPrincipal();
    SignedInUser s = signedIn.get();
    Optional<ConsoleUser> user =
        principal != null && principal.getName().equals(s.userId())
            ? ConsoleUserId.parse(s.userId()).flatMap(id -> users.current(id, s.generation()))
            : Optional.empty();
    if (user.isEmpty()) {
      session.invalidate();
      request.abortWith(
          unauthenticated(
              "SESSION_ENDED",
              "Your session ended: your account or its password or role changed. Sign in again."));
      return;
    }
    caller.signedIn(user.get(), s);
    organizationCaller.authenticatedConsoleUser(user.get().organization(), s.userId());
    actor.is("console:" + user.get().email());
    request.setProperty(ConsoleRoles.ROLE, user.get().role());
  }

  static Response unauthenticated(String reason, String detail) {
    Response problem =
        ProblemResponse.of(
            ProblemType.UNAUTHENTICATED, detail, null, List.of(), Map.of("reason", reason));
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Session realm=\"planbok-console\"")
        .build();
  }
}
