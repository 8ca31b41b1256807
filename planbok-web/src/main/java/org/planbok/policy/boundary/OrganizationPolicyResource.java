package org.planbok.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;

/**
 * {@code /api/v1/organization/policy}: the organization's signing policy, for every wallet and key
 * of the organization and its customers. Once one exists, what it does not allow is refused (403
 * policy-refused naming the rule and the field); without one, nothing is refused.
 */
@Path("organization/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "What wallets may sign, checked before Node 2 is asked")
@SecurityRequirement(name = "apiKey")
public class OrganizationPolicyResource extends PolicyEndpoints {
  @Override
  protected Subject scope(boolean toChange) {
    return Subject.organization(caller.id());
  }

  @GET
  @Operation(operationId = "getOrganizationPolicy", summary = "The organization's signing policy")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No policy: nothing is refused",
      content = @Content(mediaType = "application/problem+json"))
  public PolicyView get() {
    return handleGet();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "putOrganizationPolicy",
      summary = "Put the organization's signing policy in place",
      description =
          "Replaces the policy (a new version and hash) and tells Node 2 its hash. Strictly"
              + " validated: a 400 names the member (chains.ethereum.recipients.allow[0]).")
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, example = "pol-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyCommand.class)))
  @APIResponse(
      responseCode = "200",
      description = "The policy now in place",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(
      responseCode = "400",
      description = "A malformed policy, the member named in field",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "409",
      description = "expectedVersion is not the current version",
      content = @Content(mediaType = "application/problem+json"))
  public Response put(@NotNull @Valid PolicyCommand command) {
    return Response.ok(handlePut(command)).build();
  }

  @DELETE
  @Idempotent
  @Operation(
      operationId = "deleteOrganizationPolicy",
      summary = "Remove the organization's signing policy (back to refusing nothing)")
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, example = "pol-2")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "There was none",
      content = @Content(mediaType = "application/problem+json"))
  public Response delete() {
    return handleDelete();
  }
}
