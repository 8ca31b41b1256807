package org.planbok.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.keys.control.ProtocolSessions;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * {@code /api/v1/sessions}: the protocol sessions Node 1 ran with Node 2 for the calling
 * organization (key generation, signing, refresh, export), to poll a long one or see how one ended.
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Protocol sessions with Node 2: state, duration, outcome")
@SecurityRequirement(name = "apiKey")
public class SessionsResource {
  @Inject ProtocolSessions sessions;
  @Inject CallerOrganization caller;

  @GET
  @Operation(
      operationId = "listRecentSessions",
      summary = "The 50 most recent sessions, newest first")
  @APIResponse(responseCode = "200", description = "The sessions")
  public SessionList recent() {
    return new SessionList(sessions.recent(caller.id(), 50).stream().map(SessionView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getSession", summary = "One session")
  @APIResponse(responseCode = "200", description = "The session")
  @APIResponse(responseCode = "404", description = "No such session of your organization")
  public SessionView get(@PathParam("id") String id) {
    return sessions
        .find(caller.id(), id)
        .map(SessionView::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No session " + FieldNames.printable(id) + "."));
  }

  /** A list of sessions. */
  public record SessionList(List<SessionView> items) {}
}
