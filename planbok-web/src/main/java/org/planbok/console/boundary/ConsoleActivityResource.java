package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.audit.control.ChainVerification;
import org.planbok.console.control.Listings;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.web.problem.ProblemException;

/**
 * {@code /api/v1/console/activity}: what happened in the organization: the protocol sessions with
 * Node 2 and the organization's audit chain, with its verification.
 */
@Path("console/activity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleActivityResource {
  @Inject ConsoleCaller caller;
  @Inject Listings listings;
  @Inject AuditLog audit;
  @Context UriInfo uri;

  /** A page of the audit chain, newest first, and where the next page starts. */
  public record AuditPage(java.util.List<ConsoleViews.AuditRow> items, Long nextBefore) {}

  /** The chain's verification, with a sentence for people. */
  public record VerificationView(
      boolean ok, long rowsChecked, Long firstBadSequence, String why, String message) {}

  @GET
  @Path("sessions")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleSessions",
      summary = "Protocol sessions, newest first: state, duration, outcome")
  public TableView<ConsoleViews.SessionRow> sessions() {
    ConsoleQuery query = ConsoleQuery.of(uri.getQueryParameters());
    return TableView.of(
        listings.sessions(caller.organization(), query.page(), query.size()),
        ConsoleViews.SessionRow::of);
  }

  @GET
  @Path("audit")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleAuditRows",
      summary = "The organization's audit rows, newest first (before: a sequence number)")
  public AuditPage audit() {
    ConsoleQuery query = ConsoleQuery.of(uri.getQueryParameters(), "before");
    Optional<Long> before =
        query
            .get("before")
            .map(
                text -> {
                  if (!text.matches("[0-9]{1,18}")) {
                    throw ProblemException.invalidField("before", "before: a sequence number");
                  }
                  return Long.parseLong(text);
                });
    var rows = audit.page(chain(), before, query.size());
    Long next = rows.size() < query.size() ? null : rows.get(rows.size() - 1).sequence();
    return new AuditPage(rows.stream().map(ConsoleViews.AuditRow::of).toList(), next);
  }

  @GET
  @Path("audit/verification")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "verifyConsoleAuditChain",
      summary = "Verify the organization's whole audit chain")
  public VerificationView verify() {
    ChainVerification v = audit.verify(chain());
    return new VerificationView(
        v.ok(),
        v.rowsChecked(),
        v.firstBadSequence(),
        v.why() == null ? null : v.why().name(),
        v.describe());
  }

  private AuditChain chain() {
    return AuditChain.of(caller.organization());
  }
}
