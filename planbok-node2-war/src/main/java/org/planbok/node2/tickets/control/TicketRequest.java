package org.planbok.node2.tickets.control;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;

/**
 * What a ticket will authorise: one operation on one key for one subject, and for {@code SIGN} and
 * {@code EXPORT} the 32-byte digest it is bound to (what is signed, the device key of an export)
 * and the path of the child key that signs or is exported (DESIGN §6: tickets bind the derivation
 * path); the other operations bind no digest and the root path. A request that breaks these rules
 * could only mint a ticket no session would ever accept, so it is refused at once. A SIGN ticket
 * may carry Node 1's policy decision, which {@link org.planbok.node2.policies.control.PolicyGate}
 * checks and the ticket binds.
 */
public record TicketRequest(
    Subject subject,
    KeyId keyId,
    Operation operation,
    byte[] digest,
    DerivationPath path,
    Optional<PolicyStatement> policy) {
  public static final int DIGEST = 32;
  static final int SUBJECT = 200;

  public TicketRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(operation, "operation");
    digest = digest == null ? new byte[0] : digest.clone();
    path = path == null ? DerivationPath.root() : path;
    policy = policy == null ? Optional.empty() : policy;
    if (policy.isPresent() && operation != Operation.SIGN) {
      throw new IllegalArgumentException("only a SIGN ticket carries a policy decision");
    }
    if (subject.value().length() > SUBJECT) {
      throw new IllegalArgumentException("subject must be 1 to " + SUBJECT + " characters");
    }
    if (operation.bindsDigest() && digest.length != DIGEST) {
      throw new IllegalArgumentException("a " + operation + " ticket needs a 32-byte digest");
    }
    if (!operation.bindsDigest() && digest.length != 0) {
      throw new IllegalArgumentException("a " + operation + " ticket binds no digest");
    }
    if (!operation.bindsDigest() && !path.indices().isEmpty()) {
      throw new IllegalArgumentException("a " + operation + " ticket binds no path");
    }
  }

  /** A ticket without a policy decision. */
  public TicketRequest(
      Subject subject, KeyId keyId, Operation operation, byte[] digest, DerivationPath path) {
    this(subject, keyId, operation, digest, path, Optional.empty());
  }

  /** The decision's binding, as the ticket carries it; empty without one. */
  public byte[] policyBinding() {
    return policy.map(PolicyStatement::binding).orElse(new byte[0]);
  }

  /** A ticket for the root key (or an operation that binds no path). */
  public TicketRequest(Subject subject, KeyId keyId, Operation operation, byte[] digest) {
    this(subject, keyId, operation, digest, DerivationPath.root());
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public String toString() {
    return "TicketRequest["
        + subject
        + ", "
        + keyId
        + ", "
        + operation
        + ", "
        + HexFormat.of().formatHex(digest)
        + ", "
        + path
        + "]";
  }
}
