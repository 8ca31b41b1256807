package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.ConsoleUsers;
import org.planbok.console.control.NewConsoleUser;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUserId;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * {@code /api/v1/console/users}: the organization's console users. Admins add users (the generated
 * password is shown once, for the new user to sign in with and change), change roles and disable
 * users; the last active admin stays.
 */
@Path("console/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleUsersResource {
  @Inject ConsoleCaller caller;
  @Inject ConsoleUsers users;

  /** The body of a role change. */
  @Schema(name = "RoleChange", requiredProperties = "role")
  public static class RoleChange {
    private String role;

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }
  }

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(operationId = "listConsoleUsers", summary = "The organization's console users")
  public List<ConsoleViews.UserRow> list() {
    return users.list(caller.organization()).stream().map(ConsoleViews.UserRow::of).toList();
  }

  @POST
  @Idempotent(shownOnce = NewConsoleUserView.SECRET_FIELD)
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "createConsoleUser",
      summary = "Add a console user; the generated password is in this response only")
  public Response create(CreateConsoleUser command) {
    try (NewConsoleUser created =
        users.create(caller.organization(), command.email(), command.role())) {
      return Response.status(Response.Status.CREATED)
          .entity(NewConsoleUserView.of(created))
          .build();
    }
  }

  @POST
  @Idempotent
  @Path("{id}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "changeConsoleUserRole",
      summary = "Change a user's role; their sessions end")
  public Response changeRole(@PathParam("id") String id, RoleChange command) {
    ConsoleRole role =
        ConsoleRole.parse(command == null ? null : command.getRole())
            .orElseThrow(() -> ProblemException.invalidField("role", "role: admin or viewer"));
    return Response.ok(
            ConsoleViews.UserRow.of(users.changeRole(caller.organization(), idOf(id), role)))
        .build();
  }

  @POST
  @Idempotent
  @Path("{id}/disable")
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "disableConsoleUser", summary = "Disable a user; their sessions end")
  public Response disable(@PathParam("id") String id) {
    return Response.ok(ConsoleViews.UserRow.of(users.disable(caller.organization(), idOf(id))))
        .build();
  }

  private static ConsoleUserId idOf(String text) {
    return ConsoleUserId.parse(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No console user " + FieldNames.printable(text) + "."));
  }
}
