package org.planbok.keys.boundary;

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
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.ApiExamples;
import org.planbok.web.openapi.OrganizationOperation;

/**
 * {@code /api/v1/customers/{id}/keys}: a customer's keys, authorised by the customer's PIN ({@code
 * encryptedSecret}). Each keys endpoint is declared here once: {@link OrganizationKeysResource}
 * serves the same methods at the organization's own path and says only whose keys they are; each
 * method's {@link OrganizationOperation} gives that route's words in the API document.
 */
@Path("customers/{id}/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "Two-party keys: generation, raw signatures, refresh")
@SecurityRequirement(name = "apiKey")
public class CustomerKeysResource extends KeyEndpoints {
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
      operationId = "createOrganizationKeys",
      summary = "Generate the organization's keys",
      description = "At most one key per curve, authorised by the Organization Secret.")
  @Operation(
      operationId = "createCustomerKeys",
      summary = "Generate the customer's keys",
      description =
          "Runs the two-party key generation with Node 2 for each curve (secp256k1 takes about a"
              + " second, ed25519 a few milliseconds); each run is a protocol session you can see"
              + " under /sessions. A curve that has a key already is 409.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GenerateKeys.class),
              examples = @ExampleObject(name = "both", value = ApiExamples.GENERATE_KEYS)))
  @APIResponse(
      responseCode = "201",
      description = "The new keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyList.class),
              examples = @ExampleObject(name = "keys", value = ApiExamples.KEY_LIST)))
  @APIResponse(responseCode = "400", description = "A bad curve or encryptedSecret")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "409", description = "A key of that curve exists, or no PIN is set")
  @APIResponse(responseCode = "423", description = "PIN locked")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; no key was kept")
  public Response generate(@NotNull @Valid GenerateKeys command) {
    return handleGenerate(command);
  }

  @GET
  @OrganizationOperation(operationId = "listOrganizationKeys", summary = "The organization's keys")
  @Operation(operationId = "listCustomerKeys", summary = "The customer's keys")
  @APIResponse(
      responseCode = "200",
      description = "The keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyList.class),
              examples = @ExampleObject(name = "keys", value = ApiExamples.KEY_LIST)))
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  public KeyList list() {
    return handleList();
  }

  @GET
  @Path("{keyId}")
  @OrganizationOperation(
      operationId = "getOrganizationKey",
      summary = "One organization key, with its frozen state")
  @Operation(operationId = "getCustomerKey", summary = "One key, with its frozen state")
  @APIResponse(responseCode = "200", description = "The key")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  public KeyView get(@PathParam("keyId") String keyId) {
    return handleGet(keyId);
  }

  @POST
  @Path("{keyId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "signWithOrganizationKey",
      summary = "Sign 32 raw bytes with an organization key",
      responses = @OrganizationOperation.Response(code = "200", description = "The signature"))
  @Operation(
      operationId = "signWithCustomerKey",
      summary = "Sign 32 raw bytes",
      description =
          "Signs with the key, or with the child at path (secp256k1, BIP32 non-hardened) or index"
              + " (ed25519). Node 1 verifies the signature before it answers. For chain-specific"
              + " payloads use the wallet endpoints.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignDigest.class),
              examples = @ExampleObject(name = "digest", value = ApiExamples.SIGN_DIGEST)))
  @APIResponse(
      responseCode = "200",
      description = "The verified signature",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignatureView.class),
              examples = @ExampleObject(name = "signature", value = ApiExamples.SIGNATURE)))
  @APIResponse(responseCode = "400", description = "A bad digest, path or index")
  @APIResponse(
      responseCode = "403",
      description = "Wrong PIN (attemptsLeft), or policy-refused (rule rawDigest)")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  @APIResponse(responseCode = "423", description = "PIN locked")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable")
  public Response sign(@PathParam("keyId") String keyId, @NotNull @Valid SignDigest command) {
    return handleSign(keyId, command);
  }

  @POST
  @Path("{keyId}/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "refreshOrganizationKey",
      summary = "Refresh an organization key's shares")
  @Operation(
      operationId = "refreshCustomerKey",
      summary = "Refresh the key's shares",
      description =
          "Both nodes' shares change, the public key and every address stay. The only way to"
              + " lift a freeze; audited on Node 2.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "refresh", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(
      responseCode = "200",
      description = "The key, refreshed and not frozen",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; the key keeps its shares")
  public Response refresh(@PathParam("keyId") String keyId, @NotNull @Valid SecretCommand command) {
    return handleRefresh(keyId, command);
  }
}
