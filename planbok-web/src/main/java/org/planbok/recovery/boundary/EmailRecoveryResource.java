package org.planbok.recovery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.node2client.SecretCheck;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.recovery.control.EmailRecoveries;
import org.planbok.recovery.control.RecoveryProfiles;

/**
 * {@code /api/v1/customers/{id}/recovery/email}: recovery by email. Setup mails the customer a
 * recovery kit that Planbok forgets; to recover: {@code start} (a code by mail), {@code confirm}
 * (code and kit; the waiting period begins and the customer is told), {@code complete} (kit and new
 * PIN, once Node 2 lets it); meanwhile a PIN holder can {@code cancel}.
 */
@Path("customers/{id}/recovery/email")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery", description = "Get wallets back without the PIN, and without Planbok")
@SecurityRequirement(name = "apiKey")
public class EmailRecoveryResource {
  private static final String PROBLEM = RecoveryExamples.PROBLEM;
  private static final String KIT = "recoveryKit";

  @Inject Customers customers;
  @Inject CallerOrganization caller;
  @Inject EmailRecoveries email;
  @Inject RecoveryProfiles profiles;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "setUpEmailRecovery",
      summary = "Set up recovery by email, or mail a new kit",
      description =
          "Needs the PIN. Mails the customer a recovery kit (43 characters) that Planbok does not"
              + " keep; a new kit replaces the old one, which stops working.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "pin", value = RecoveryExamples.PIN)))
  @APIResponse(responseCode = "201", description = "Set up; the kit was mailed")
  @APIResponse(responseCode = "200", description = "A new kit was mailed")
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  @APIResponse(
      responseCode = "503",
      description = "No mail settings, or the mail server did not take the kit (mail-unavailable)",
      content = @Content(mediaType = PROBLEM))
  public Response setUp(@NotNull @Valid SecretCommand command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    boolean replaced;
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      replaced = email.setUp(caller.id(), subject, pin);
    }
    return Response.status(replaced ? Response.Status.OK : Response.Status.CREATED)
        .entity(RecoveryView.of(profiles.status(subject, caller.id())))
        .build();
  }

  @POST
  @Path("remove")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "removeEmailRecovery",
      summary = "Remove recovery by email",
      description = "Needs the PIN. Node 2 forgets the kit and closes any recovery under way.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "pin", value = RecoveryExamples.PIN)))
  @APIResponse(responseCode = "200", description = "Removed")
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  @APIResponse(responseCode = "409", description = "Not set up (secret-not-set)")
  public Response remove(@NotNull @Valid SecretCommand command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      email.remove(subject, pin);
    }
    return Response.ok(RecoveryView.of(profiles.status(subject, caller.id()))).build();
  }

  @POST
  @Path("start")
  @Idempotent
  @Operation(
      operationId = "startEmailRecovery",
      summary = "Step 1: mail a one-time code",
      description =
          "6 digits, valid 10 minutes and 5 tries; a new code replaces the old. At most one a"
              + " minute and 5 a day (429 rate-limited with Retry-After). No body.")
  @APIResponse(
      responseCode = "202",
      description = "The code was mailed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "sent", value = RecoveryExamples.CODE_SENT)))
  @APIResponse(responseCode = "409", description = "Recovery by email is not set up")
  @APIResponse(responseCode = "429", description = "Too many codes (rate-limited)")
  @APIResponse(responseCode = "503", description = "No mail (mail-unavailable)")
  public Response start() {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    EmailRecoveries.CodeSent sent = email.sendCode(subject);
    return Response.accepted(Map.of("sentTo", sent.sentTo(), "expiresAt", sent.expiresAt()))
        .build();
  }

  @POST
  @Path("confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "confirmEmailRecovery",
      summary = "Step 2: the code and the kit start the waiting period",
      description =
          "A wrong code counts (5 per code); Node 2 checks the kit and counts wrong ones (5, then"
              + " an hour, doubling). The customer is mailed when it can complete and how to"
              + " cancel. Confirming again while one waits answers that one: the wait never"
              + " restarts.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConfirmEmailRecovery.class),
              examples = @ExampleObject(name = "confirm", value = RecoveryExamples.CONFIRM)))
  @APIResponse(
      responseCode = "202",
      description = "Waiting",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "waiting", value = RecoveryExamples.WAITING)))
  @APIResponse(
      responseCode = "403",
      description = "Wrong code (wrong-recovery-code) or kit (wrong-recovery-kit), attemptsLeft",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(responseCode = "409", description = "No valid code (recovery-code-invalid)")
  @APIResponse(responseCode = "423", description = "The kit is locked")
  public Response confirm(@NotNull @Valid ConfirmEmailRecovery command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    SecretCheck.RecoveryStarted started;
    try (ClientSecret kit = SecretFields.parse(command.getRecoveryKit(), KIT)) {
      started = email.confirm(subject, command.getCode(), kit);
    }
    return Response.accepted(
            new RecoveryView.Waiting("WAITING", started.startedAt(), started.maturesAt()))
        .build();
  }

  @POST
  @Path("cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "cancelEmailRecovery",
      summary = "Step 3 (if it was not you): cancel with the PIN",
      description = "Node 2 cancels the waiting recovery; the customer is told.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "pin", value = RecoveryExamples.PIN)))
  @APIResponse(
      responseCode = "200",
      description = "Cancelled (cancelled: how many were waiting)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "cancelled", value = "{\"cancelled\": 1}")))
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  public Response cancel(@NotNull @Valid SecretCommand command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    int cancelled;
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      cancelled = email.cancel(subject, pin);
    }
    return Response.ok(Map.of("cancelled", cancelled)).build();
  }

  @POST
  @Path("complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "completeEmailRecovery",
      summary = "Step 4: the kit and a new PIN, after the waiting period",
      description =
          "Node 2 answers only for a recovery that waited out its delay and was not cancelled."
              + " Then the new PIN is set, the keys get new shares (the same addresses), the old"
              + " PIN and every old copy stop working, a fresh kit is mailed and the customer is"
              + " told.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CompleteEmailRecovery.class),
              examples = @ExampleObject(name = "complete", value = RecoveryExamples.COMPLETE)))
  @APIResponse(
      responseCode = "200",
      description = "Recovered",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveredView.class),
              examples = @ExampleObject(name = "recovered", value = RecoveryExamples.RECOVERED)))
  @APIResponse(responseCode = "403", description = "Wrong kit (wrong-recovery-kit)")
  @APIResponse(
      responseCode = "409",
      description = "Still waiting (recovery-waiting, maturesAt, Retry-After) or none started",
      content =
          @Content(
              mediaType = PROBLEM,
              examples =
                  @ExampleObject(name = "waiting", value = RecoveryExamples.RECOVERY_WAITING)))
  @APIResponse(responseCode = "423", description = "The kit is locked")
  public Response complete(@NotNull @Valid CompleteEmailRecovery command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    try (ClientSecret kit = SecretFields.parse(command.getRecoveryKit(), KIT);
        ClientSecret pin =
            SecretFields.parse(command.getNewEncryptedSecret(), "newEncryptedSecret")) {
      return Response.ok(RecoveredView.of(email.complete(subject, kit, pin))).build();
    }
  }
}
