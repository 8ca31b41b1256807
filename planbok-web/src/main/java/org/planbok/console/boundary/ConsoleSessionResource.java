package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.ConsoleUsers;
import org.planbok.console.control.SignIn;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.organization.control.Organizations;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/** {@code /api/v1/console/session}: signing in and out of the console, and who is signed in. */
@Path("console/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console", description = "The admin console's own API (session cookie and CSRF token)")
public class ConsoleSessionResource {
  @Inject SecurityContext security;
  @Inject SignInAttempt attempt;
  @Inject ConsoleCaller caller;
  @Inject ConsoleUsers users;
  @Inject Organizations organizations;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @Inject
  @ConfigProperty(name = "planbok.console.session-timeout-seconds", defaultValue = "900")
  int sessionTimeoutSeconds;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @SignInEndpoint
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "signInToConsole",
      summary = "Sign in with an email address and password; opens a session")
  public Response signIn(SignInCommand command) {
    if (command == null || command.getEmail() == null || command.getEmail().isBlank()) {
      throw ProblemException.invalidField("email", "email: required");
    }
    if (command.getPassword() == null || command.getPassword().isEmpty()) {
      throw ProblemException.invalidField("password", "password: required");
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        command.getEmail().strip(), new Password(command.getPassword()))));
    if (status == AuthenticationStatus.SUCCESS
        && attempt.outcome().orElse(null) instanceof SignIn.SignedIn signedIn) {
      ConsoleUser user = signedIn.user();
      HttpSession httpSession = request.getSession(false);
      SignedInUser session = SignedInUser.of(httpSession).orElseThrow();
      SessionCookie.harden(response, httpSession, ConsoleSessionCookie.secure());
      return Response.ok(view(user, session)).build();
    }
    if (attempt.outcome().orElse(null) instanceof SignIn.Throttled throttled) {
      long seconds =
          Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds() + 1);
      Response problem =
          ProblemResponse.of(
              ProblemType.SIGN_IN_THROTTLED,
              "Too many wrong passwords from here: signing in is paused until "
                  + throttled.until()
                  + ". Try again later.",
              null,
              List.of(),
              Map.of("retryAfterSeconds", seconds, "lockedUntil", throttled.until().toString()));
      return Response.fromResponse(problem).header("Retry-After", Long.toString(seconds)).build();
    }
    return ProblemResponse.of(
        ProblemType.SIGN_IN_FAILED, "The email address or the password is wrong.");
  }

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "getConsoleSession",
      summary = "Who is signed in, with the session's CSRF token")
  public ConsoleSessionView current() {
    return view(caller.consoleUser(), caller.session());
  }

  @POST
  @Path("sign-out")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(operationId = "signOutOfConsole", summary = "Sign out: the session ends")
  public Response signOut() throws ServletException {
    users.signedOut(caller.consoleUser());
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "changeConsolePassword",
      summary = "Change your own password; your other sessions end")
  public Response changePassword(PasswordChange command) {
    if (command == null || command.getPassword() == null) {
      throw ProblemException.invalidField("password", "password: required");
    }
    if (command.getNewPassword() == null) {
      throw ProblemException.invalidField("newPassword", "newPassword: required");
    }
    ConsoleUser user =
        users.changePassword(
            caller.consoleUser().id(),
            command.getPassword().toCharArray(),
            command.getNewPassword().toCharArray());
    SignedInUser old = caller.session();
    new SignedInUser(old.userId(), old.organizationId(), user.sessionGeneration(), old.csrfToken())
        .storeIn(request.getSession(false));
    return Response.noContent().build();
  }

  private ConsoleSessionView view(ConsoleUser user, SignedInUser session) {
    return new ConsoleSessionView(
        user.id().toString(),
        user.email(),
        user.role().label(),
        user.organization().toString(),
        organizations.get(user.organization()).name().value(),
        session.csrfToken(),
        sessionTimeoutSeconds);
  }
}
