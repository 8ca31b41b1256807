package org.planbok.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;

/**
 * {@code /api/v1/organization/keys}: the calling organization's own keys (organization custody),
 * authorised by its Organization Secret, sent as {@code encryptedSecret}.
 */
@Path("organization/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationKeysResource extends KeyEndpoints {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "createOrganizationKeys",
      summary = "Generate the organization's keys",
      description = "At most one key per curve, authorised by the Organization Secret.")
  @APIResponse(
      responseCode = "201",
      description = "The new keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyList.class)))
  public Response generate(@NotNull @Valid GenerateKeys command) {
    return handleGenerate(command);
  }

  @GET
  @Operation(operationId = "listOrganizationKeys", summary = "The organization's keys")
  public KeyList list() {
    return handleList();
  }

  @GET
  @Path("{keyId}")
  @Operation(
      operationId = "getOrganizationKey",
      summary = "One organization key, with its frozen state")
  public KeyView get(@PathParam("keyId") String keyId) {
    return handleGet(keyId);
  }

  @POST
  @Path("{keyId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "signWithOrganizationKey",
      summary = "Sign 32 raw bytes with an organization key")
  @APIResponse(
      responseCode = "200",
      description = "The signature",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignatureView.class)))
  public Response sign(@PathParam("keyId") String keyId, @NotNull @Valid SignDigest command) {
    return handleSign(keyId, command);
  }

  @POST
  @Path("{keyId}/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "refreshOrganizationKey",
      summary = "Refresh an organization key's shares")
  @APIResponse(
      responseCode = "200",
      description = "The key, refreshed and not frozen",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyView.class)))
  public Response refresh(@PathParam("keyId") String keyId, @NotNull @Valid SecretCommand command) {
    return handleRefresh(keyId, command);
  }
}
