package org.planbok.customer.boundary;

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
import org.planbok.custody.boundary.SecretChange;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretEndpoints;
import org.planbok.custody.boundary.SecretView;
import org.planbok.custody.boundary.VerifiedView;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.ApiExamples;
import org.planbok.web.openapi.OrganizationOperation;

/**
 * {@code /api/v1/customers/{id}/pin}: the customer's PIN. The client derives {@code pinKey =
 * Argon2id(PIN, clientSalt)} with the salt and parameters this resource shows, and sends {@code
 * encryptedSecret = HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret")}. Each secret endpoint is
 * declared here once: {@code OrganizationSecretResource} serves the same methods at the
 * organization's own path and says only whose secret it is and how it is shown; each method's
 * {@link OrganizationOperation} gives that route's words in the API document.
 */
@Path("customers/{id}/pin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PIN", description = "Set up, verify and change a customer's PIN")
@SecurityRequirement(name = "apiKey")
public class CustomerPinResource extends SecretEndpoints {
  @Inject Customers customers;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @Override
  protected Subject owner(boolean toChange) {
    return CustomerIds.owner(customers, caller.id(), id, toChange);
  }

  @Override
  protected SecretView view(Vault vault, boolean set) {
    return SecretView.pin(vault, set);
  }

  @GET
  @OrganizationOperation(
      operationId = "getOrganizationSecret",
      summary = "The Organization Secret's state, with its client salt",
      responses =
          @OrganizationOperation.Response(
              code = "200",
              description = "The Organization Secret's state"))
  @Operation(
      operationId = "getCustomerPin",
      summary = "The secret's state (for a PIN also its client salt)",
      description =
          "clientSalt and kdf are what the client derives encryptedSecret with: pinKey ="
              + " Argon2id(UTF-8 PIN, clientSalt) with kdf's costs, 32 bytes; encryptedSecret ="
              + " HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\"), unpadded base64url.")
  @APIResponse(
      responseCode = "200",
      description = "The PIN's state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretView.class),
              examples = @ExampleObject(name = "not set", value = ApiExamples.PIN_NOT_SET)))
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  public SecretView get() {
    return handleGet();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "setUpOrganizationSecret",
      summary = "Set up the Organization Secret",
      responses = @OrganizationOperation.Response(code = "201", description = "Set up"))
  @Operation(
      operationId = "setUpCustomerPin",
      summary = "Set up the secret",
      description =
          "Once per customer. Node 2 enrolls the secret; Planbok keeps only what cannot test a"
              + " guess without Node 2.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "setup", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(
      responseCode = "201",
      description = "Set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretView.class),
              examples = @ExampleObject(name = "set", value = ApiExamples.PIN_SET)))
  @APIResponse(responseCode = "400", description = "encryptedSecret missing or malformed")
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  @APIResponse(
      responseCode = "409",
      description = "The PIN is already set (change it instead), or the customer is disabled",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; nothing was changed")
  public Response setUp(@NotNull @Valid SecretCommand command) {
    return handleSetUp(command);
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "verifyOrganizationSecret",
      summary = "Verify the Organization Secret",
      responses = @OrganizationOperation.Response(code = "200", description = "Verified"))
  @Operation(
      operationId = "verifyCustomerPin",
      summary = "Verify the secret",
      description =
          "A wrong PIN is 403 wrong-pin with attemptsLeft; after too many the PIN locks and"
              + " every attempt is 423 locked with lockedUntil and Retry-After.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "verify", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(
      responseCode = "200",
      description = "Right",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerifiedView.class),
              examples = @ExampleObject(name = "verified", value = "{\"verified\": true}")))
  @APIResponse(
      responseCode = "403",
      description = "Wrong PIN",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "wrong", value = ApiExamples.WRONG_PIN)))
  @APIResponse(responseCode = "409", description = "No PIN set up yet")
  @APIResponse(
      responseCode = "423",
      description = "Locked after too many wrong attempts",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "locked", value = ApiExamples.LOCKED)))
  public Response verify(@NotNull @Valid SecretCommand command) {
    return handleVerify(command);
  }

  @POST
  @Path("change")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @OrganizationOperation(
      operationId = "changeOrganizationSecret",
      summary = "Change the Organization Secret")
  @Operation(
      operationId = "changeCustomerPin",
      summary = "Change the secret",
      description =
          "The current PIN authorises the change; the customer's open authorization tickets are"
              + " revoked. Keys and addresses stay.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretChange.class),
              examples = @ExampleObject(name = "change", value = ApiExamples.PIN_CHANGE)))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretView.class)))
  @APIResponse(responseCode = "403", description = "The current PIN is wrong")
  @APIResponse(responseCode = "423", description = "Locked after too many wrong attempts")
  public Response change(@NotNull @Valid SecretChange command) {
    return handleChange(command);
  }
}
