package org.planbok.organization.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.boundary.CreateConsoleUser;
import org.planbok.console.boundary.NewConsoleUserView;
import org.planbok.console.control.ConsoleUsers;
import org.planbok.console.control.NewConsoleUser;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.control.Organizations;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.organization.entity.OrganizationName;
import org.planbok.web.ApiExamples;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * {@code /api/v1/operator}: what the operator of a Planbok installation does, authenticated by the
 * operator token ({@code scripts/planbok-admin.sh} calls it).
 */
@Path("operator")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Operator",
    description =
        "Installation operator: create organizations and their first console admin; every"
            + " action on an organization is mailed to its admins")
@SecurityRequirement(name = "operatorToken")
public class OperatorResource {
  private static final String DEFAULT_KEY_LABEL = "initial";

  @Inject Organizations organizations;
  @Inject ConsoleUsers consoleUsers;

  @POST
  @Path("organizations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent(shownOnce = IssuedApiKeyView.SECRET_FIELD)
  @Operation(
      operationId = "createOrganization",
      summary = "Create an organization and its first API key",
      description =
          "The first key's text is in firstApiKey.apiKey, in this response only. A retry with"
              + " the same Idempotency-Key returns the same organization and key without it.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateOrganization.class),
              examples =
                  @ExampleObject(name = "organization", value = ApiExamples.CREATE_ORGANIZATION)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewOrganizationView.class),
              examples = @ExampleObject(name = "created", value = ApiExamples.NEW_ORGANIZATION)))
  @APIResponse(responseCode = "400", description = "Bad name or label, or no Idempotency-Key")
  @APIResponse(responseCode = "401", description = "No valid operator token")
  public Response createOrganization(@NotNull @Valid CreateOrganization command) {
    String label =
        command.getFirstKeyLabel() == null ? DEFAULT_KEY_LABEL : command.getFirstKeyLabel();
    NewOrganizationView view =
        NewOrganizationView.of(
            organizations.create(new OrganizationName(command.getName()), new ApiKeyLabel(label)));
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @POST
  @Path("organizations/{id}/console-users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent(shownOnce = NewConsoleUserView.SECRET_FIELD)
  @Operation(
      operationId = "createOrganizationConsoleAdmin",
      summary = "Create an organization's first console admin",
      description =
          "The operator token makes only an organization's first admin (role admin); the"
              + " organization's admins add every further user in the console. The new admin is"
              + " told by mail that the operator acted. The generated password is in password, in"
              + " this response only; the user signs in at /console/ and changes it. A retry with"
              + " the same Idempotency-Key returns the same user without it.")
  @APIResponse(
      responseCode = "201",
      description = "Created; hand the password over now",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewConsoleUserView.class)))
  @APIResponse(responseCode = "400", description = "Bad email or role, or no Idempotency-Key")
  @APIResponse(responseCode = "401", description = "No valid operator token")
  @APIResponse(responseCode = "403", description = "A role other than admin: admins add those")
  @APIResponse(responseCode = "404", description = "No such organization")
  @APIResponse(
      responseCode = "409",
      description =
          "The organization has its admin already (admin-exists), or the address is taken")
  @APIResponse(responseCode = "503", description = "The admin could not be told by mail")
  public Response createConsoleUser(@PathParam("id") String id, CreateConsoleUser command) {
    if (command == null) {
      throw ProblemException.invalidField("body", "body: a JSON body is required");
    }
    OrganizationId organization =
        OrganizationId.parse(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND,
                        "No organization " + FieldNames.printable(id) + "."));
    EmailAddress email = command.email();
    if (command.role() != ConsoleRole.ADMIN) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "The operator token makes only an organization's first admin; its admins add viewers"
              + " and further admins in the console.",
          "role",
          Map.of());
    }
    try (NewConsoleUser created = consoleUsers.createFirstAdmin(organization, email)) {
      return Response.status(Response.Status.CREATED)
          .entity(NewConsoleUserView.of(created))
          .build();
    }
  }
}
