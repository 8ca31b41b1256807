package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.Dashboard;
import org.planbok.console.control.Listings;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.node2client.Node2Status;
import org.planbok.node2client.Node2Unavailable;
import org.planbok.system.control.Nodes;

/** {@code /api/v1/console/dashboard}: the organization at a glance, and how Node 2 is. */
@Path("console/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleDashboardResource {
  @Inject ConsoleCaller caller;
  @Inject Listings listings;
  @Inject Nodes nodes;

  /** Node 2 as the dashboard shows it: up with its round trip, or down with the reason. */
  public record Node2Health(boolean up, String nodeId, Double roundTripMs, String reason) {}

  /** The dashboard's figures. */
  public record DashboardView(
      long customers,
      long keys,
      long frozenKeys,
      long wallets,
      long exportedWallets,
      long signaturesToday,
      long failedSessionsToday,
      List<ConsoleViews.SessionRow> recentFailures,
      Node2Health node2) {}

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "getConsoleDashboard",
      summary = "Counts, today's signatures, Node 2's health and the recent failures")
  public DashboardView get() {
    Dashboard d = listings.dashboard(caller.organization(), Instant.now());
    return new DashboardView(
        d.customers(),
        d.keys(),
        d.frozenKeys(),
        d.wallets(),
        d.exportedWallets(),
        d.signaturesToday(),
        d.failedSessionsToday(),
        d.recentFailures().stream().map(ConsoleViews.SessionRow::of).toList(),
        node2());
  }

  private Node2Health node2() {
    try {
      Node2Status status = nodes.node2();
      return new Node2Health(
          true, status.nodeId(), status.roundTrip().toNanos() / 1_000_000.0, null);
    } catch (Node2Unavailable e) {
      return new Node2Health(false, null, null, e.reason().name());
    } catch (RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Node2Unavailable unavailable) {
        return new Node2Health(false, null, null, unavailable.reason().name());
      }
      throw e;
    }
  }
}
