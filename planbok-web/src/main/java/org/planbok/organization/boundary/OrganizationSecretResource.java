package org.planbok.organization.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.boundary.SecretView;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.customer.boundary.CustomerPinResource;

/**
 * {@code /api/v1/organization/secret}: the Organization Secret, which plays the PIN's role for the
 * organization's own wallets (organization custody). It is 32 random bytes the organization makes
 * and keeps (e.g. {@code head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='}), sent as
 * {@code encryptedSecret}; high entropy, so it needs no key derivation. The endpoints are {@link
 * CustomerPinResource}'s, inherited; only whose secret it is and how it is shown differ.
 */
@Path("organization/secret")
@RequestScoped
// Its own bean type only: as a CustomerPinResource bean too, it would be the one CDI hands Jersey
// for the customer's route.
@Typed(OrganizationSecretResource.class)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization custody", description = "The organization's own secret, keys and wallets")
@SecurityRequirement(name = "apiKey")
public class OrganizationSecretResource extends CustomerPinResource {
  @Override
  protected Subject owner(boolean toChange) {
    return Subject.organization(caller.id());
  }

  @Override
  protected SecretView view(Vault vault, boolean set) {
    return SecretView.organizationSecret(vault, set);
  }
}
