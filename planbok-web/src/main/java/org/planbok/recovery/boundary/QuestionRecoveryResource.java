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
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.recovery.control.QuestionRecoveries;
import org.planbok.recovery.control.RecoveryProfiles;
import org.planbok.recovery.entity.SecurityQuestions;

/**
 * {@code /api/v1/customers/{id}/recovery/questions}: security questions. The answers never reach
 * Planbok: the device normalises and joins them and derives {@code answersSecret}.
 */
@Path("customers/{id}/recovery/questions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery", description = "Get wallets back without the PIN, and without Planbok")
@SecurityRequirement(name = "apiKey")
public class QuestionRecoveryResource {
  private static final String PROBLEM = RecoveryExamples.PROBLEM;

  @Inject Customers customers;
  @Inject CallerOrganization caller;
  @Inject QuestionRecoveries questions;
  @Inject RecoveryProfiles profiles;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field
  // (docs/troubleshooting.md).
  @PathParam("id")
  String id;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "setUpRecoveryQuestions",
      summary = "Set up or replace the security questions",
      description =
          "Needs the PIN. 3 to 10 questions (catalogue ids or your own texts) in the order the"
              + " answers are joined, and answersSecret. Replacing them makes the old answers"
              + " useless.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SetUpQuestions.class),
              examples = @ExampleObject(name = "setup", value = RecoveryExamples.SET_UP_QUESTIONS)))
  @APIResponse(responseCode = "201", description = "Set up")
  @APIResponse(responseCode = "200", description = "Replaced")
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or wrong (questions[i].id, …)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  @APIResponse(responseCode = "409", description = "No PIN yet, or the customer is disabled")
  @APIResponse(responseCode = "423", description = "PIN locked")
  public Response setUp(@NotNull @Valid SetUpQuestions command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    SecurityQuestions set = Questions.parse(command.getQuestions());
    boolean replaced;
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret");
        ClientSecret answers = SecretFields.parse(command.getAnswersSecret(), "answersSecret")) {
      replaced = questions.setUp(caller.id(), subject, pin, set, answers);
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
      operationId = "removeRecoveryQuestions",
      summary = "Remove the security questions",
      description = "Needs the PIN. Node 2 forgets the answers, so no old copy opens again.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "pin", value = RecoveryExamples.PIN)))
  @APIResponse(responseCode = "200", description = "Removed")
  @APIResponse(responseCode = "403", description = "Wrong PIN (wrong-pin)")
  @APIResponse(responseCode = "409", description = "No questions set up (secret-not-set)")
  public Response remove(@NotNull @Valid SecretCommand command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    try (ClientSecret pin = SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      questions.remove(subject, pin);
    }
    return Response.ok(RecoveryView.of(profiles.status(subject, caller.id()))).build();
  }

  @POST
  @Path("recover")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "recoverWithAnswers",
      summary = "Recover with the answers and set a new PIN",
      description =
          "Node 2 checks the answers and counts wrong ones: after 3 they lock for a day, doubling"
              + " each time. Then the new PIN is set, the keys get new shares (the same"
              + " addresses), the old PIN and every old copy stop working, a fresh email kit is"
              + " mailed if email recovery was set up, and the customer is told by email.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoverWithAnswers.class),
              examples =
                  @ExampleObject(name = "recover", value = RecoveryExamples.RECOVER_WITH_ANSWERS)))
  @APIResponse(
      responseCode = "200",
      description = "Recovered",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveredView.class),
              examples = @ExampleObject(name = "recovered", value = RecoveryExamples.RECOVERED)))
  @APIResponse(
      responseCode = "403",
      description = "Wrong answers (wrong-answers, attemptsLeft, field answersSecret)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(responseCode = "409", description = "No questions set up (secret-not-set)")
  @APIResponse(responseCode = "423", description = "Answers locked (lockedUntil, Retry-After)")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable: retry the same call")
  public Response recover(@NotNull @Valid RecoverWithAnswers command) {
    Subject subject = CustomerIds.owner(customers, caller.id(), id, true);
    try (ClientSecret answers = SecretFields.parse(command.getAnswersSecret(), "answersSecret");
        ClientSecret pin =
            SecretFields.parse(command.getNewEncryptedSecret(), "newEncryptedSecret")) {
      return Response.ok(RecoveredView.of(questions.recover(subject, answers, pin))).build();
    }
  }
}
