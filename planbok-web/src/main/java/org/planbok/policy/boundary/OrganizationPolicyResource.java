package org.planbok.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.custody.entity.Subject;

/**
 * {@code /api/v1/organization/policy}: the organization's signing policy, for every wallet and key
 * of the organization and its customers. Once one exists, what it does not allow is refused (403
 * policy-refused naming the rule and the field); without one, nothing is refused. The endpoints are
 * {@link CustomerPolicyResource}'s, inherited; only whose policy it is differs.
 */
@Path("organization/policy")
@RequestScoped
// Its own bean type only: as a CustomerPolicyResource bean too, it would be the one CDI hands
// Jersey
// for the customer's route.
@Typed(OrganizationPolicyResource.class)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "What wallets may sign, checked before Node 2 is asked")
@SecurityRequirement(name = "apiKey")
public class OrganizationPolicyResource extends CustomerPolicyResource {
  @Override
  protected Subject scope(boolean toChange) {
    return Subject.organization(caller.id());
  }
}
