package org.planbok.node2.policies.control;

/**
 * Node 2 will not mint a SIGN ticket that the subject's policy, as Node 2 holds it, does not cover.
 * Checked, so that the audit row of the refusal commits with it.
 */
public class PolicyRefusal extends Exception {
  public PolicyRefusal(String detail) {
    super(detail, null, false, false);
  }
}
