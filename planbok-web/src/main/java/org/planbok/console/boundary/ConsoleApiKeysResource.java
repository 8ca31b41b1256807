package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.control.ApiKeys;
import org.planbok.organization.control.IssuedApiKey;
import org.planbok.organization.entity.ApiKey;
import org.planbok.organization.entity.ApiKeyId;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/** {@code /api/v1/console/api-keys}: the organization's API keys; admins create and revoke. */
@Path("console/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleApiKeysResource {
  @Inject ConsoleCaller caller;
  @Inject ApiKeys keys;

  /** An API key without its secret. */
  public record KeyRow(
      String id,
      String prefix,
      String label,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static KeyRow of(ApiKey k) {
      return new KeyRow(
          k.id().toString(),
          k.prefix(),
          k.label().value(),
          k.createdAt(),
          k.lastUsedAt().orElse(null),
          k.revokedAt().orElse(null));
    }
  }

  /** A key just created, its text in {@code apiKey}: this response only. */
  public record IssuedKey(KeyRow key, String apiKey) {
    @Override
    public String toString() {
      return "IssuedKey[" + key.prefix() + "_…]";
    }
  }

  /** The body of a creation. */
  @Schema(name = "ConsoleCreateApiKey")
  public static class CreateKey {
    private String label;

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }
  }

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleApiKeys",
      summary = "The organization's API keys, revoked ones included, without secrets")
  public List<KeyRow> list() {
    return keys.list(caller.organization()).stream().map(KeyRow::of).toList();
  }

  @POST
  @Idempotent(shownOnce = "apiKey")
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "createConsoleApiKey",
      summary = "Create an API key; its text is in this response only")
  public Response create(CreateKey command) {
    String label = command == null ? null : command.getLabel();
    if (label == null || label.isBlank() || label.length() > ApiKeyLabel.MAX_LENGTH) {
      throw ProblemException.invalidField(
          "label", "label: 1 to " + ApiKeyLabel.MAX_LENGTH + " characters, not blank");
    }
    try (IssuedApiKey issued = keys.issue(caller.organization(), new ApiKeyLabel(label.strip()))) {
      return Response.status(Response.Status.CREATED)
          .entity(new IssuedKey(KeyRow.of(issued.key()), new String(issued.text())))
          .build();
    }
  }

  @POST
  @Idempotent
  @Path("{id}/revoke")
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "revokeConsoleApiKey",
      summary = "Revoke an API key: from now on it gets 401")
  public Response revoke(@PathParam("id") String id) {
    ApiKeyId keyId =
        ApiKeyId.parse(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "No API key " + FieldNames.printable(id) + "."));
    return Response.ok(KeyRow.of(keys.revoke(caller.organization(), keyId))).build();
  }
}
