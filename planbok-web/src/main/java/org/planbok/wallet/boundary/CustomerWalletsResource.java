package org.planbok.wallet.boundary;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.ApiExamples;
import org.planbok.web.openapi.OrganizationOperation;

/**
 * {@code /api/v1/customers/{id}/wallets}: a customer's wallets; signing and exporting need the
 * customer's PIN ({@code encryptedSecret}). Each wallet endpoint is declared here once: {@link
 * OrganizationWalletsResource} serves the same methods at the organization's own path and says only
 * whose wallets they are; each method's {@link OrganizationOperation} gives that route's words in
 * the API document (a method without one, the export challenge, is the customer's alone).
 */
@Path("customers/{id}/wallets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallets", description = "Addresses per chain, chain signatures, exports")
@SecurityRequirement(name = "apiKey")
public class CustomerWalletsResource extends WalletEndpoints {
  @Inject Customers customers;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @Override
  protected Subject owner(boolean toChange) {
    return CustomerIds.owner(customers, caller.id(), id, toChange);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "createOrganizationWallet",
      summary = "Derive an organization wallet")
  @Operation(
      operationId = "createCustomerWallet",
      summary = "Derive a wallet",
      description =
          "The child of the customer's key at the chain's path for this index (see the API"
              + " guide's table of paths). The same chain, format and index always give the same wallet:"
              + " 201 the first time, 200 after.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeriveWallet.class),
              examples = @ExampleObject(name = "ethereum", value = ApiExamples.DERIVE_WALLET)))
  @APIResponse(
      responseCode = "201",
      description = "The new wallet",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class),
              examples = @ExampleObject(name = "wallet", value = ApiExamples.WALLET)))
  @APIResponse(
      responseCode = "200",
      description = "The wallet, made earlier",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class)))
  @APIResponse(responseCode = "400", description = "Unknown chain or format, bad index")
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  @APIResponse(responseCode = "409", description = "No key of the chain's curve yet")
  public Response derive(@NotNull @Valid DeriveWallet command) {
    return handleDerive(command);
  }

  @GET
  @OrganizationOperation(
      operationId = "listOrganizationWallets",
      summary = "List the organization's wallets, oldest first")
  @Operation(
      operationId = "listCustomerWallets",
      summary = "List the customer's wallets, oldest first",
      description = "Keyset pagination like /customers; filter by chain.")
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
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletList.class)))
  public WalletList list() {
    return handleList();
  }

  @GET
  @Path("{walletId}")
  @OrganizationOperation(operationId = "getOrganizationWallet", summary = "One organization wallet")
  @Operation(operationId = "getCustomerWallet", summary = "One wallet")
  @APIResponse(responseCode = "200", description = "The wallet")
  @APIResponse(responseCode = "404", description = "No such wallet of this customer")
  public WalletView get(@PathParam("walletId") String walletId) {
    return handleGet(walletId);
  }

  @POST
  @Path("{walletId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "signWithOrganizationWallet",
      summary = "Sign with an organization wallet",
      responses = {
        @OrganizationOperation.Response(
            code = "200",
            description = "The signature in the chain's format"),
        @OrganizationOperation.Response(code = "413", description = "Body larger than 2 MiB")
      })
  @Operation(
      operationId = "signWithCustomerWallet",
      summary = "Sign with the wallet",
      description =
          "What the chain needs signed, returned as the chain wants it; Node 1 verifies every"
              + " signature against the wallet's key before it answers. A malformed payload is a"
              + " 400 naming the field, before the PIN is checked.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignPayload.class),
              examples = {
                @ExampleObject(name = "personal_sign", value = ApiExamples.PERSONAL_SIGN),
                @ExampleObject(name = "transaction", value = ApiExamples.EVM_TRANSACTION)
              }))
  @APIResponse(
      responseCode = "200",
      description = "The signature or signed transaction",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignedView.class),
              examples =
                  @ExampleObject(name = "personal_sign", value = ApiExamples.SIGNED_MESSAGE)))
  @APIResponse(responseCode = "400", description = "A malformed payload, named in field")
  @APIResponse(
      responseCode = "403",
      description =
          "Wrong PIN (attemptsLeft), or policy-refused: the signing policy refuses it (rule,"
              + " field; docs/policies.md)")
  @APIResponse(responseCode = "404", description = "No such wallet of this customer")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  @APIResponse(responseCode = "413", description = "Body larger than 2 MiB")
  @APIResponse(responseCode = "423", description = "PIN locked")
  public Response sign(
      @PathParam("walletId") String walletId, @NotNull @Valid SignPayload command) {
    return handleSign(walletId, command);
  }

  @POST
  @Path("{walletId}/export")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "exportOrganizationWallet",
      summary = "Export the wallet's key to a device of the organization's",
      description =
          "As a customer's export, in two parts sealed to devicePublicKey (hpke: Node 1's,"
              + " node2Hpke: Node 2's), without authorization or challenge: the Organization"
              + " Secret's holders are the organization's own administrators.",
      responses =
          @OrganizationOperation.Response(code = "200", description = "The two sealed parts"))
  @Operation(
      operationId = "exportCustomerWallet",
      summary = "Export the wallet's key to the customer's device",
      description =
          "The key in two parts, each sealed with HPKE (RFC 9180, X25519/HKDF-SHA256/AES-256-GCM)"
              + " to devicePublicKey: hpke holds Node 1's part, node2Hpke Node 2's, sealed by Node"
              + " 2. The device adds them, checks the sum against the wallet's public key and"
              + " formats it (the client kit does all of it); no node and no response ever holds"
              + " the whole key. The device must authorize the export itself: authorization is"
              + " its PIN key, devicePublicKey, the wallet's keyId and path sealed to Node 2's"
              + " export key against a fresh challenge (POST …/export-challenges), so a backend"
              + " that relays encryptedSecret cannot have the key sealed to a key of its own."
              + " Needs the PIN; recorded on the wallet and key, shown in the console.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportRequest.class),
              examples = @ExampleObject(name = "export", value = ApiExamples.EXPORT_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description = "The export, in two sealed parts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportView.class),
              examples = @ExampleObject(name = "sealed", value = ApiExamples.EXPORT)))
  @APIResponse(
      responseCode = "400",
      description =
          "Bad device key, format, or a missing or malformed authorization or challenge (named in"
              + " field; nothing checked, nothing counted)")
  @APIResponse(
      responseCode = "403",
      description =
          "Wrong PIN (attemptsLeft), or export-not-authorized (field authorization): the"
              + " authorization does not open, names another device key, wallet or path, was not"
              + " sealed with the customer's PIN key (counted as a wrong PIN), or its challenge is"
              + " unknown, used or expired")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  @APIResponse(responseCode = "423", description = "PIN locked")
  public Response export(
      @PathParam("walletId") String walletId, @NotNull @Valid ExportRequest command) {
    return handleExport(walletId, command);
  }
}
