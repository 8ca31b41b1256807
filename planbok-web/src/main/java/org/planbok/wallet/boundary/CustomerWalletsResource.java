package org.planbok.wallet.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.boundary.CustomerIds;
import org.planbok.customer.control.Customers;

/**
 * {@code /api/v1/customers/{id}/wallets}: a customer's wallets; signing and exporting need the
 * customer's PIN ({@code encryptedSecret}).
 */
@Path("customers/{id}/wallets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallets", description = "Addresses per chain, chain signatures, exports")
@SecurityRequirement(name = "apiKey")
public class CustomerWalletsResource extends WalletEndpoints {
  @Inject Customers customers;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field (README,
  // troubleshooting).
  @PathParam("id")
  String id;

  @Override
  protected Subject owner(boolean toChange) {
    return CustomerIds.owner(customers, caller.id(), id, toChange);
  }
}
