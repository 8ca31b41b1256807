package org.planbok.recovery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.recovery.control.AfterRecovery;
import org.planbok.recovery.control.RecoveryProfiles;

/**
 * {@code /api/v1/customers/{id}/recovery}: a customer's recovery settings, and finishing a recovery
 * whose last steps were interrupted.
 */
@Path("customers/{id}/recovery")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery", description = "Get wallets back without the PIN, and without Planbok")
@SecurityRequirement(name = "apiKey")
public class CustomerRecoveryResource {
  @Inject Customers customers;
  @Inject CallerOrganization caller;
  @Inject RecoveryProfiles profiles;
  @Inject AfterRecovery after;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @GET
  @Operation(
      operationId = "getCustomerRecovery",
      summary = "The customer's recovery settings",
      description =
          "No PIN needed: the questions are shown to the customer who forgot it. recoverySalt"
              + " and kdf are what the device derives answersSecret with (a salt of its own, not"
              + " the PIN's).")
  @APIResponse(
      responseCode = "200",
      description = "The settings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveryView.class),
              examples = @ExampleObject(name = "status", value = RecoveryExamples.STATUS)))
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  public RecoveryView get() {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, false);
    return RecoveryView.of(profiles.status(subject, caller.id()));
  }

  @POST
  @Path("finish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "finishCustomerRecovery",
      summary = "Finish an interrupted recovery",
      description =
          "With the new PIN: refreshes the keys not yet refreshed since the recovery, settles"
              + " the recovery methods (a fresh kit when email recovery was set up) and revokes"
              + " tickets. With nothing left to do it only checks the PIN.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "pin", value = RecoveryExamples.PIN)))
  @APIResponse(
      responseCode = "200",
      description = "Finished",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveredView.class),
              examples = @ExampleObject(name = "recovered", value = RecoveryExamples.RECOVERED)))
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  @APIResponse(responseCode = "423", description = "PIN locked")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; retry")
  public Response finish(@NotNull @Valid SecretCommand command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      return Response.ok(RecoveredView.of(after.finish(subject, pin))).build();
    }
  }
}
