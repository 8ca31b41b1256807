package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.Listings;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.organization.entity.Uuids;
import org.planbok.wallet.entity.Wallet;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/** {@code /api/v1/console/wallets}: one of the organization's wallets and its address's QR code. */
@Path("console/wallets")
@RequestScoped
@Tag(name = "Console")
public class ConsoleWalletsResource {
  static final String SVG = "image/svg+xml";

  @Inject ConsoleCaller caller;
  @Inject Listings listings;

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(operationId = "getConsoleWallet", summary = "One wallet")
  public ConsoleViews.WalletRow get(@PathParam("id") String id) {
    return ConsoleViews.WalletRow.of(wallet(id));
  }

  @GET
  @Path("{id}/qr")
  @Produces(SVG)
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "getConsoleWalletQrCode",
      summary = "The wallet's address as a QR code (SVG)")
  public Response qr(@PathParam("id") String id) {
    return Response.ok(QrCodes.svg(wallet(id).address()), SVG).build();
  }

  private Wallet wallet(String id) {
    Wallet wallet =
        Uuids.parse(id).map(u -> listings.wallet(caller.organization(), u.toString())).orElse(null);
    if (wallet == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "No wallet " + FieldNames.printable(id) + ".");
    }
    return wallet;
  }
}
