package org.planbok.policy.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.policy.control.Policies;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * What a customer's and the organization's policy endpoints do, whoever's policy it is: {@link
 * CustomerPolicyResource} declares the endpoints once and {@link OrganizationPolicyResource}
 * inherits them (Payara's OpenAPI fails on JAX-RS methods declared in an abstract class).
 */
public abstract class PolicyEndpoints {
  @Inject Policies policies;
  @Inject protected CallerOrganization caller;

  /** Whose policy: the organization, or one of its customers. */
  protected abstract Subject scope(boolean toChange);

  protected PolicyView handleGet() {
    return policies
        .get(scope(false))
        .map(PolicyView::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND,
                    "No policy here: signatures follow the organization's policy, or today's"
                        + " behaviour when it has none."));
  }

  protected PolicyView handlePut(PolicyCommand command) {
    Long expected = command.getExpectedVersion();
    if (expected != null && expected < 0) {
      throw ProblemException.invalidField("expectedVersion", "expectedVersion: 0 or more");
    }
    return PolicyView.of(
        policies.replace(
            caller.id(),
            scope(true),
            command.getPolicy().toString(),
            Optional.ofNullable(expected)));
  }

  protected Response handleDelete() {
    if (!policies.remove(caller.id(), scope(true))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No policy here to remove.");
    }
    return Response.noContent().build();
  }
}
