package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.policy.boundary.PolicyCommand;
import org.planbok.policy.boundary.PolicyView;
import org.planbok.policy.control.Policies;
import org.planbok.web.problem.ProblemException;

/**
 * {@code /api/v1/console/policy}: the organization's signing policy in the console; everyone reads
 * it, admins replace and remove it (audited as the console user).
 */
@Path("console/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsolePolicyResource {
  @Inject ConsoleCaller caller;
  @Inject Policies policies;

  /** The policy, or null when the organization has none (nothing is refused then). */
  public record PolicyState(PolicyView policy) {}

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(operationId = "consoleGetPolicy", summary = "The organization's signing policy")
  public PolicyState get() {
    return new PolicyState(policies.get(scope()).map(PolicyView::of).orElse(null));
  }

  @PUT
  @Idempotent
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consolePutPolicy", summary = "Put the signing policy in place")
  public Response put(@NotNull @Valid PolicyCommand command) {
    Long expected = command.getExpectedVersion();
    if (expected != null && expected < 0) {
      throw ProblemException.invalidField("expectedVersion", "expectedVersion: 0 or more");
    }
    return Response.ok(
            PolicyView.of(
                policies.replace(
                    caller.organization(),
                    scope(),
                    command.getPolicy().toString(),
                    Optional.ofNullable(expected))))
        .build();
  }

  @DELETE
  @Idempotent
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleDeletePolicy", summary = "Remove the signing policy")
  public Response delete() {
    policies.remove(caller.organization(), scope());
    return Response.noContent().build();
  }

  private Subject scope() {
    return Subject.organization(caller.organization());
  }
}
