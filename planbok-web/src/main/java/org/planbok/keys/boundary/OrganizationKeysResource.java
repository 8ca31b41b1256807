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
  @Operation(summary = "Generate the owner's keys")
  public Response generate(@NotNull @Valid GenerateKeys command) {
    return handleGenerate(command);
  }

  @GET
  @Operation(summary = "The owner's keys")
  public KeyList list() {
    return handleList();
  }

  @GET
  @Path("{keyId}")
  @Operation(summary = "One key, with its frozen state")
  public KeyView get(@PathParam("keyId") String keyId) {
    return handleGet(keyId);
  }

  @POST
  @Path("{keyId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(summary = "Sign 32 raw bytes")
  public Response sign(@PathParam("keyId") String keyId, @NotNull @Valid SignDigest command) {
    return handleSign(keyId, command);
  }

  @POST
  @Path("{keyId}/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(summary = "Refresh the key's shares")
  public Response refresh(@PathParam("keyId") String keyId, @NotNull @Valid SecretCommand command) {
    return handleRefresh(keyId, command);
  }
}
