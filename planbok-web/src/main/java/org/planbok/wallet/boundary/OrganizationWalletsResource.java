package org.planbok.wallet.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;

/**
 * {@code /api/v1/organization/wallets}: the calling organization's own wallets; signing and
 * exporting need its Organization Secret, sent as {@code encryptedSecret}. The endpoints are {@link
 * CustomerWalletsResource}'s, inherited (JAX-RS annotations, Bean Validation and interceptors with
 * them); only whose wallets they are differs.
 */
@Path("organization/wallets")
@RequestScoped
// Its own bean type only: as a CustomerWalletsResource bean too, it would be the one CDI hands
// Jersey
// for the customer's route.
@Typed(OrganizationWalletsResource.class)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationWalletsResource extends CustomerWalletsResource {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }
}
