package org.planbok.customer.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretEndpoints;
import org.planbok.custody.boundary.SecretView;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.customer.control.Customers;

/**
 * {@code /api/v1/customers/{id}/pin}: the customer's PIN. The client derives {@code encryptedSecret
 * = Argon2id(PIN, clientSalt)} with the salt and parameters this resource shows.
 */
@Path("customers/{id}/pin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PIN", description = "Set up, verify and change a customer's PIN")
@SecurityRequirement(name = "apiKey")
public class CustomerPinResource extends SecretEndpoints {
  @Inject Customers customers;

  // No @Parameter here: Payara's OpenAPI generator fails on it on a field (README,
  // troubleshooting).
  @PathParam("id")
  String id;

  @Override
  protected Subject owner(boolean toChange) {
    return CustomerIds.owner(customers, caller.id(), id, toChange);
  }

  @Override
  protected SecretView view(Vault vault, boolean set) {
    return SecretView.pin(vault, set);
  }
}
