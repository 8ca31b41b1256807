package org.planbok.policy.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.PolicyStatement;

/**
 * The policies that apply to one owner's signature: the organization's and, for a customer, the
 * customer's; both must allow. Its hash is what Node 2 compares with the hashes Node 1 published:
 * {@code SHA-256("planbok/policy-set/v1" ‖ u32 len ‖ organization hash ‖ u32 len ‖ customer hash)},
 * a missing policy as zero bytes, and no bytes at all when neither exists.
 */
public record PolicySet(Optional<StoredPolicy> organization, Optional<StoredPolicy> customer) {
  public boolean isEmpty() {
    return organization.isEmpty() && customer.isEmpty();
  }

  public List<StoredPolicy> policies() {
    List<StoredPolicy> out = new ArrayList<>(2);
    organization.ifPresent(out::add);
    customer.ifPresent(out::add);
    return out;
  }

  public byte[] hash() {
    if (isEmpty()) {
      return new byte[0];
    }
    return hash(
        organization.map(p -> p.document().hash()).orElse(new byte[0]),
        customer.map(p -> p.document().hash()).orElse(new byte[0]));
  }

  static byte[] hash(byte[] organizationHash, byte[] customerHash) {
    return PolicyStatement.policyHash(organizationHash, customerHash);
  }

  /** "organization v3 1a2b3c4d, customer v1 …" for the audit row. */
  String describe() {
    List<String> parts = new ArrayList<>();
    organization.ifPresent(
        p -> parts.add("organization v" + p.version() + " " + p.hash().substring(0, 16)));
    customer.ifPresent(
        p -> parts.add("customer v" + p.version() + " " + p.hash().substring(0, 16)));
    return String.join(", ", parts);
  }
}
