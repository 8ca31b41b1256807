package org.planbok.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;

/**
 * {@code /api/v1/organization/keys}: the calling organization's own keys (organization custody),
 * authorised by its Organization Secret, sent as {@code encryptedSecret}. The endpoints are {@link
 * CustomerKeysResource}'s, inherited (JAX-RS annotations, Bean Validation and interceptors with
 * them); only whose keys they are differs.
 */
@Path("organization/keys")
@RequestScoped
// Its own bean type only: as a CustomerKeysResource bean too, it would be the one CDI hands Jersey
// for the customer's route.
@Typed(OrganizationKeysResource.class)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationKeysResource extends CustomerKeysResource {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }
}
