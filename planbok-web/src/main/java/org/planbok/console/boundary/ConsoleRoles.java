package org.planbok.console.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/**
 * Enforces {@link ConsoleAccess} on the server, whatever the pages show: every method of a console
 * resource gets a filter that lets through only the roles its annotation allows; a viewer reaches
 * only methods open to viewers, and a console method without the annotation is refused to everyone
 * (deny by default). The role is the one {@link ConsoleGate} read from the database.
 */
@Provider
public class ConsoleRoles implements DynamicFeature {
  static final String ROLE = "planbok.console.role";

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Path path = resource.getResourceClass().getAnnotation(Path.class);
    if (path == null || !ConsolePaths.isConsole(path.value())) {
      return;
    }
    Method method = resource.getResourceMethod();
    boolean signIn = method.isAnnotationPresent(SignInEndpoint.class);
    context.register(new Check(method, signIn), Priorities.AUTHORIZATION);
  }

  /** Why {@code role} may not call {@code method}, or empty when it may. */
  static Optional<String> refusal(Method method, ConsoleRole role) {
    ConsoleAccess access = method == null ? null : method.getAnnotation(ConsoleAccess.class);
    if (access == null) {
      return Optional.of("This console call is not open to anyone.");
    }
    if (role == null) {
      return Optional.of("Sign in first.");
    }
    if (access.value() == ConsoleRole.ADMIN && role != ConsoleRole.ADMIN) {
      return Optional.of("Viewers can look but not change anything; ask an admin.");
    }
    return Optional.empty();
  }

  /** The check of one resource method. */
  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final Method method;
    private final boolean signIn;

    Check(Method method, boolean signIn) {
      this.method = method;
      this.signIn = signIn;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (signIn) {
        return; // nobody is signed in yet; ConsoleGate and CsrfCheck cover it
      }
      refusal(method, (ConsoleRole) request.getProperty(ROLE))
          .ifPresent(
              detail -> request.abortWith(ProblemResponse.of(ProblemType.FORBIDDEN, detail)));
    }
  }
}
