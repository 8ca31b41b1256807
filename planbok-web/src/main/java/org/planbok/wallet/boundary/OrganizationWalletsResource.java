package org.planbok.wallet.boundary;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;

/**
 * {@code /api/v1/organization/wallets}: the calling organization's own wallets; signing and
 * exporting need its Organization Secret, sent as {@code encryptedSecret}.
 */
@Path("organization/wallets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationWalletsResource extends WalletEndpoints {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(operationId = "createOrganizationWallet", summary = "Derive an organization wallet")
  @APIResponse(
      responseCode = "201",
      description = "The new wallet",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The wallet, made earlier",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class)))
  public Response derive(@NotNull @Valid DeriveWallet command) {
    return handleDerive(command);
  }

  @GET
  @Operation(
      operationId = "listOrganizationWallets",
      summary = "List the organization's wallets, oldest first")
  @Parameter(
      name = "chain",
      in = ParameterIn.QUERY,
      description = "only this chain's wallets",
      example = "ethereum",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "1 to 100, default 20",
      example = "20",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      description = "nextCursor of the previous page (opaque)",
      schema = @Schema(type = SchemaType.STRING))
  public WalletList list() {
    return handleList();
  }

  @GET
  @Path("{walletId}")
  @Operation(operationId = "getOrganizationWallet", summary = "One organization wallet")
  public WalletView get(@PathParam("walletId") String walletId) {
    return handleGet(walletId);
  }

  @POST
  @Path("{walletId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "signWithOrganizationWallet",
      summary = "Sign with an organization wallet")
  @APIResponse(
      responseCode = "200",
      description = "The signature in the chain's format",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignedView.class)))
  public Response sign(
      @PathParam("walletId") String walletId, @NotNull @Valid SignPayload command) {
    return handleSign(walletId, command);
  }

  @POST
  @Path("{walletId}/export")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "exportOrganizationWallet",
      summary = "Export the wallet's key to a device of the organization's",
      description =
          "As a customer's export, in two parts sealed to devicePublicKey (hpke: Node 1's,"
              + " node2Hpke: Node 2's), without authorization or challenge: the Organization"
              + " Secret's holders are the organization's own administrators.")
  @APIResponse(
      responseCode = "200",
      description = "The two sealed parts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportView.class)))
  public Response export(
      @PathParam("walletId") String walletId, @NotNull @Valid ExportRequest command) {
    return handleExport(walletId, command);
  }
}
