package org.planbok.organization.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.control.ApiKeys;
import org.planbok.organization.control.IssuedApiKey;
import org.planbok.organization.entity.ApiKeyId;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.web.ApiExamples;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/** {@code /api/v1/api-keys}: the calling organization manages its own API keys. */
@Path("api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Your organization's keys: create (shown once), list, revoke")
@SecurityRequirement(name = "apiKey")
public class ApiKeysResource {
  @Inject ApiKeys keys;
  @Inject CallerOrganization caller;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent(shownOnce = IssuedApiKeyView.SECRET_FIELD)
  @Operation(
      operationId = "createApiKey",
      summary = "Create an API key",
      description =
          "The key's text is in apiKey, in this response only; Planbok keeps only its hash. A"
              + " retry with the same Idempotency-Key returns the same key without apiKey.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateApiKey.class),
              examples = @ExampleObject(name = "key", value = ApiExamples.CREATE_API_KEY)))
  @APIResponse(
      responseCode = "201",
      description = "Created; store apiKey now",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IssuedApiKeyView.class),
              examples = @ExampleObject(name = "issued", value = ApiExamples.ISSUED_API_KEY)))
  @APIResponse(responseCode = "400", description = "Bad label or no Idempotency-Key")
  @APIResponse(responseCode = "401", description = "No valid API key")
  @APIResponse(responseCode = "422", description = "Idempotency-Key used for another request")
  public Response create(@NotNull @Valid CreateApiKey command) {
    IssuedApiKey issued = keys.issue(caller.id(), new ApiKeyLabel(command.getLabel()));
    IssuedApiKeyView view = IssuedApiKeyView.of(issued);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
        .entity(view)
        .build();
  }

  @GET
  @Operation(
      operationId = "listApiKeys",
      summary = "List your API keys, revoked ones included, without secrets")
  @APIResponse(
      responseCode = "200",
      description = "The keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiKeyList.class),
              examples = @ExampleObject(name = "keys", value = ApiExamples.API_KEY_LIST)))
  @APIResponse(responseCode = "401", description = "No valid API key")
  public ApiKeyList list() {
    return new ApiKeyList(keys.list(caller.id()).stream().map(ApiKeyView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getApiKey", summary = "One of your API keys, without its secret")
  @APIResponse(
      responseCode = "200",
      description = "The key",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiKeyView.class),
              examples = @ExampleObject(name = "key", value = ApiExamples.API_KEY)))
  @APIResponse(responseCode = "401", description = "No valid API key")
  @APIResponse(responseCode = "404", description = "No such key in your organization")
  public ApiKeyView get(@PathParam("id") String id) {
    return ApiKeyView.of(keys.get(caller.id(), idOf(id)));
  }

  @DELETE
  @Path("{id}")
  @Idempotent
  @Operation(
      operationId = "revokeApiKey",
      summary = "Revoke an API key",
      description =
          "From now on the key gets 401. Revoking a revoked key changes nothing. You may revoke"
              + " the key you call with.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "400", description = "No or a malformed Idempotency-Key")
  @APIResponse(responseCode = "422", description = "Idempotency-Key used for another request")
  @APIResponse(responseCode = "401", description = "No valid API key")
  @APIResponse(responseCode = "404", description = "No such key in your organization")
  public Response revoke(@PathParam("id") String id) {
    keys.revoke(caller.id(), idOf(id));
    return Response.noContent().build();
  }

  private static ApiKeyId idOf(String text) {
    return ApiKeyId.parse(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No API key " + FieldNames.printable(text) + "."));
  }
}
