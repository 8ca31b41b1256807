package org.planbok.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.openapi.OrganizationOperation;

/**
 * {@code /api/v1/customers/{id}/policy}: one customer's signing policy, which narrows the
 * organization's for the customer's wallets and keys: a signature must pass both (with no
 * organization policy, the customer's alone). Each policy endpoint is declared here once: {@link
 * OrganizationPolicyResource} serves the same methods at the organization's own path and says only
 * whose policy it is; each method's {@link OrganizationOperation} gives that route's words in the
 * API document.
 */
@Path("customers/{id}/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
@SecurityRequirement(name = "apiKey")
public class CustomerPolicyResource extends PolicyEndpoints {
  @Inject Customers customers;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @Override
  protected Subject scope(boolean toChange) {
    return CustomerIds.owner(customers, caller.id(), id, false);
  }

  @GET
  @OrganizationOperation(
      operationId = "getOrganizationPolicy",
      summary = "The organization's signing policy",
      responses =
          @OrganizationOperation.Response(
              code = "404",
              description = "No policy: nothing is refused"))
  @Operation(operationId = "getCustomerPolicy", summary = "The customer's signing policy")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No policy of the customer, or no such customer",
      content = @Content(mediaType = "application/problem+json"))
  public PolicyView get() {
    return handleGet();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "putOrganizationPolicy",
      summary = "Put the organization's signing policy in place",
      description =
          "Replaces the policy (a new version and hash) and tells Node 2 its hash. Strictly"
              + " validated: a 400 names the member (chains.ethereum.recipients.allow[0]).",
      responses = {
        @OrganizationOperation.Response(
            code = "400",
            description = "A malformed policy, the member named in field"),
        @OrganizationOperation.Response(
            code = "409",
            description = "expectedVersion is not the current version")
      })
  @Operation(
      operationId = "putCustomerPolicy",
      summary = "Put the customer's signing policy in place",
      description =
          "Replaces the policy (a new version and hash) and tells Node 2 its hash. Strictly"
              + " validated: a 400 names the member (chains.ethereum.recipients.allow[0]).")
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
  @OrganizationOperation(
      operationId = "deleteOrganizationPolicy",
      summary = "Remove the organization's signing policy (back to refusing nothing)",
      responses = @OrganizationOperation.Response(code = "404", description = "There was none"))
  @Operation(
      operationId = "deleteCustomerPolicy",
      summary = "Remove the customer's signing policy (the organization's alone applies)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "There was none",
      content = @Content(mediaType = "application/problem+json"))
  public Response delete() {
    return handleDelete();
  }
}
