package org.planbok.recovery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.recovery.entity.CatalogueQuestion;

/** {@code /api/v1/recovery/questions}: the security questions Planbok offers. */
@Path("recovery/questions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery", description = "Get wallets back without the PIN, and without Planbok")
@SecurityRequirement(name = "apiKey")
public class RecoveryQuestionsResource {

  @GET
  @Operation(
      operationId = "listRecoveryQuestions",
      summary = "The question catalogue",
      description =
          "Questions with ids that never change meaning; a setup names them by id, or brings"
              + " texts of the customer's own.")
  @APIResponse(
      responseCode = "200",
      description = "The catalogue",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "catalogue", value = RecoveryExamples.CATALOGUE)))
  public Map<String, List<RecoveryView.Question>> catalogue() {
    return Map.of(
        "items",
        Arrays.stream(CatalogueQuestion.values())
            .map(q -> new RecoveryView.Question(q.id(), q.text()))
            .toList());
  }
}
