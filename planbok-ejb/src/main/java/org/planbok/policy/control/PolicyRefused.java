package org.planbok.policy.control;

import java.util.Map;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * A signature a policy refused ({@code POLICY_REFUSED}), naming the rule, the request's field, the
 * policy's scope ({@code organization} or {@code customer}) and version. Thrown from one place,
 * {@link Policies#enforce}, after the refusal is in the audit chain: the place to hang anything
 * else a refusal should cause (the "signature refused by policy" webhook event).
 */
public class PolicyRefused extends Refused {
  private final transient PolicyVerdict verdict;

  public PolicyRefused(PolicyVerdict verdict, String scope, long version) {
    super(
        Refusal.POLICY_REFUSED,
        verdict.detail(),
        verdict.field(),
        Map.of("rule", verdict.rule(), "scope", scope, "policyVersion", version));
    this.verdict = verdict;
  }

  public PolicyVerdict verdict() {
    return verdict;
  }
}
