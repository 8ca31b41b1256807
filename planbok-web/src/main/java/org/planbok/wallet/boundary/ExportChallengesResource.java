package org.planbok.wallet.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.ApiExamples;

/**
 * {@code /api/v1/customers/{id}/wallets/{walletId}/export-challenges}: a customer's alone (an
 * organization's export needs no device authorization), so a resource of its own rather than one of
 * the wallet endpoints that {@link OrganizationWalletsResource} inherits.
 */
@Path("customers/{id}/wallets/{walletId}/export-challenges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallets")
@SecurityRequirement(name = "apiKey")
public class ExportChallengesResource extends WalletEndpoints {
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
  @Idempotent
  @Operation(
      operationId = "createExportChallenge",
      summary = "A fresh challenge for one export of the wallet",
      description =
          "Node 2 mints 32 random bytes for this wallet's key, single use, valid about five"
              + " minutes. Hand them to the customer's device: the client kit seals the device's"
              + " authorization (its PIN key, its devicePublicKey, the wallet's keyId and path)"
              + " against them to Node 2's export key. Needs no PIN.")
  @APIResponse(
      responseCode = "201",
      description = "The challenge and when it expires",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportChallengeView.class),
              examples = @ExampleObject(name = "challenge", value = ApiExamples.EXPORT_CHALLENGE)))
  @APIResponse(responseCode = "404", description = "No such wallet of this customer")
  @APIResponse(responseCode = "503", description = "Node 2 is unreachable")
  public Response create(@PathParam("walletId") String walletId) {
    return handleExportChallenge(walletId);
  }
}
