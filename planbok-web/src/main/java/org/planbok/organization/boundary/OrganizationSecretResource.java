package org.planbok.organization.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretChange;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretEndpoints;
import org.planbok.custody.boundary.SecretView;
import org.planbok.custody.boundary.VerifiedView;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.idempotency.boundary.Idempotent;

/**
 * {@code /api/v1/organization/secret}: the Organization Secret, which plays the PIN's role for the
 * organization's own wallets (organization custody). It is 32 random bytes the organization makes
 * and keeps (e.g. {@code head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='}), sent as
 * {@code encryptedSecret}; high entropy, so it needs no key derivation.
 */
@Path("organization/secret")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationSecretResource extends SecretEndpoints {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }

  @Override
  protected SecretView view(Vault vault, boolean set) {
    return SecretView.organizationSecret(vault, set);
  }

  @GET
  @Operation(
      operationId = "getOrganizationSecret",
      summary = "The Organization Secret's state, with its client salt")
  public SecretView get() {
    return handleGet();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(operationId = "setUpOrganizationSecret", summary = "Set up the Organization Secret")
  @APIResponse(
      responseCode = "201",
      description = "Set up",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretView.class)))
  public Response setUp(@NotNull @Valid SecretCommand command) {
    return handleSetUp(command);
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(operationId = "verifyOrganizationSecret", summary = "Verify the Organization Secret")
  @APIResponse(
      responseCode = "200",
      description = "Verified",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerifiedView.class)))
  public Response verify(@NotNull @Valid SecretCommand command) {
    return handleVerify(command);
  }

  @POST
  @Path("change")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(operationId = "changeOrganizationSecret", summary = "Change the Organization Secret")
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretView.class)))
  public Response change(@NotNull @Valid SecretChange command) {
    return handleChange(command);
  }
}
