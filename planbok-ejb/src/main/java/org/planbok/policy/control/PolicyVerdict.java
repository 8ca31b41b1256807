package org.planbok.policy.control;

/**
 * What a policy says of one signing request: allowed, or refused by a named rule on a named field
 * of the request, with a sentence for the integrator.
 */
public record PolicyVerdict(boolean allowed, String rule, String field, String detail) {
  static final PolicyVerdict ALLOWED = new PolicyVerdict(true, "", "", "");

  static PolicyVerdict refused(String rule, String field, String detail) {
    return new PolicyVerdict(false, rule, field, detail);
  }
}
