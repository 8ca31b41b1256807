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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.Listings;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.keys.control.Keys;
import org.planbok.keys.control.Refreshes;
import org.planbok.keys.entity.KeyId;
import org.planbok.refusal.Refused;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;
import org.planbok.web.problem.RefusalProblems;

/**
 * {@code /api/v1/console/keys}: frozen keys (DESIGN §3) across the organization, and the
 * organization's own keys, whose refresh (which lifts a freeze, once in a key's life) an admin runs
 * here with the Organization Secret. A customer's key needs the customer's PIN, so it is refreshed
 * through the integrator's app ({@code POST …/keys/{id}/refresh}), never from the console.
 */
@Path("console/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleKeysResource {
  private static final String SECRET = "organizationSecret";

  @Inject ConsoleCaller caller;
  @Inject Listings listings;
  @Inject Keys keys;
  @Inject Refreshes refreshes;

  /** The body of an organization key's refresh. */
  @Schema(name = "ConsoleRefresh", requiredProperties = "organizationSecret")
  public static class RefreshCommand {
    private String organizationSecret;

    public String getOrganizationSecret() {
      return organizationSecret;
    }

    public void setOrganizationSecret(String organizationSecret) {
      this.organizationSecret = organizationSecret;
    }

    @Override
    public String toString() {
      return "RefreshCommand[…]";
    }
  }

  @GET
  @Path("frozen")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleFrozenKeys",
      summary = "Frozen keys, the organization's and its customers', latest first")
  public List<ConsoleViews.KeyRow> frozen() {
    return listings.frozenKeys(caller.organization()).stream()
        .map(ConsoleViews.KeyRow::of)
        .toList();
  }

  @GET
  @Path("organization")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(operationId = "listConsoleOrganizationKeys", summary = "The organization's own keys")
  public List<ConsoleViews.KeyRow> organizationKeys() {
    return keys.of(owner()).stream().map(ConsoleViews.KeyRow::of).toList();
  }

  @POST
  @Idempotent
  @Path("organization/{id}/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "refreshConsoleOrganizationKey",
      summary = "Refresh one of the organization's keys with the Organization Secret")
  public Response refresh(@PathParam("id") String id, RefreshCommand command) {
    KeyId keyId =
        KeyId.parse(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "No key " + FieldNames.printable(id) + "."));
    try (ClientSecret secret =
        SecretFields.parse(command == null ? null : command.getOrganizationSecret(), SECRET)) {
      return Response.ok(
              ConsoleViews.KeyRow.of(
                  refreshes.refresh(owner(), keyId, SecretPurpose.ORG_SECRET, secret)))
          .build();
    } catch (Refused refused) {
      throw RefusalProblems.naming(refused, SECRET); // the console's form calls it so
    }
  }

  private Subject owner() {
    return Subject.organization(caller.organization());
  }
}
