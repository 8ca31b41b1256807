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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.customer.control.Customers;
import org.planbok.customer.entity.Customer;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.web.ApiExamples;

/**
 * {@code /api/v1/customers/{id}/pin}: the customer's PIN, which never reaches Planbok. The client
 * derives {@code encryptedSecret = Argon2id(PIN, clientSalt)}; Node 2 checks it and counts wrong
 * attempts; only a right one opens the customer's vault (DESIGN §5).
 */
@Path("customers/{id}/pin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PIN", description = "Set up, verify and change a customer's PIN")
@SecurityRequirement(name = "apiKey")
public class CustomerPinResource {
  private static final String PROBLEM = "application/problem+json";
  private static final String SECRET = "encryptedSecret";

  @Inject Customers customers;
  @Inject Vaults vaults;
  @Inject CallerOrganization caller;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field (README,
  // troubleshooting).
  @PathParam("id")
  String id;

  @GET
  @Operation(
      summary = "The customer's PIN state and client salt",
      description =
          "clientSalt and kdf are what the client derives encryptedSecret with:"
              + " Argon2id(UTF-8 PIN, clientSalt) with kdf's costs, 32 bytes, unpadded base64url.")
  @APIResponse(
      responseCode = "200",
      description = "The PIN's state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PinView.class),
              examples = @ExampleObject(name = "not set", value = ApiExamples.PIN_NOT_SET)))
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  public PinView get() {
    Customer customer = customers.get(caller.id(), CustomerIds.parse(id));
    Subject subject = Subject.customer(customer.id());
    Vault vault = vaults.ensure(subject, caller.id());
    return PinView.of(vault, vaults.wrapping(subject, SecretPurpose.PIN).isPresent());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Set up the PIN",
      description =
          "Once per customer. Node 2 enrolls the secret; Planbok keeps only what cannot test a"
              + " guess without Node 2.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "pin-user-4711")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PinCommand.class),
              examples = @ExampleObject(name = "setup", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(
      responseCode = "201",
      description = "Set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "set", value = ApiExamples.PIN_SET)))
  @APIResponse(responseCode = "400", description = "encryptedSecret missing or malformed")
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  @APIResponse(
      responseCode = "409",
      description = "The PIN is already set (change it instead), or the customer is disabled",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; nothing was changed")
  public Response setUp(@NotNull @Valid PinCommand command) {
    Customer customer = customers.active(caller.id(), CustomerIds.parse(id));
    Subject subject = Subject.customer(customer.id());
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      vaults.setUp(subject, caller.id(), SecretPurpose.PIN, secret);
    }
    return Response.status(Response.Status.CREATED)
        .entity(PinView.of(vaults.ensure(subject, caller.id()), true))
        .build();
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Verify the PIN",
      description =
          "A wrong PIN is 403 wrong-pin with attemptsLeft; after too many the PIN locks and"
              + " every attempt is 423 locked with lockedUntil and Retry-After.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "verify-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PinCommand.class),
              examples = @ExampleObject(name = "verify", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(
      responseCode = "200",
      description = "Right",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
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
  public Response verify(@NotNull @Valid PinCommand command) {
    Customer customer = customers.active(caller.id(), CustomerIds.parse(id));
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      vaults.verify(Subject.customer(customer.id()), SecretPurpose.PIN, secret, SECRET);
    }
    return Response.ok(Map.of("verified", true)).build();
  }

  @POST
  @Path("change")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Change the PIN",
      description =
          "The current PIN authorises the change; the customer's open authorization tickets are"
              + " revoked. Keys and addresses stay.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "change-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PinChange.class),
              examples = @ExampleObject(name = "change", value = ApiExamples.PIN_CHANGE)))
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(responseCode = "403", description = "The current PIN is wrong")
  @APIResponse(responseCode = "423", description = "Locked after too many wrong attempts")
  public Response change(@NotNull @Valid PinChange command) {
    Customer customer = customers.active(caller.id(), CustomerIds.parse(id));
    Subject subject = Subject.customer(customer.id());
    try (ClientSecret current = SecretFields.parse(command.getEncryptedSecret(), SECRET);
        ClientSecret next =
            SecretFields.parse(command.getNewEncryptedSecret(), "newEncryptedSecret")) {
      vaults.change(subject, SecretPurpose.PIN, current, next, SECRET);
    }
    return Response.ok(PinView.of(vaults.ensure(subject, caller.id()), true)).build();
  }
}
