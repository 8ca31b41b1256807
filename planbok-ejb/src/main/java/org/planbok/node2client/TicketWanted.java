package org.planbok.node2client;

import java.util.Objects;
import java.util.Optional;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.PolicyStatement;

/**
 * A ticket Node 1 asks Node 2 to mint if the secret is right: one operation on one key (for {@link
 * Operation#ENROLL}, the key id names the secret's purpose), the 32-byte digest it binds (SIGN and
 * EXPORT) or none, and for SIGN and EXPORT the path of the child key the session will name (the
 * root key otherwise): Node 2 records it in the ticket. A SIGN ticket carries Node 1's policy
 * decision ({@link PolicyStatement}), which Node 2 checks against the policy it holds.
 */
public record TicketWanted(
    String keyId,
    Operation operation,
    byte[] digest,
    DerivationPath path,
    Optional<PolicyStatement> policy) {
  public TicketWanted {
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(operation);
    digest = digest == null ? new byte[0] : digest.clone();
    path = path == null ? DerivationPath.root() : path;
    policy = policy == null ? Optional.empty() : policy;
  }

  /** A ticket without a policy statement (every operation but SIGN). */
  public TicketWanted(String keyId, Operation operation, byte[] digest, DerivationPath path) {
    this(keyId, operation, digest, path, Optional.empty());
  }

  /** A SIGN ticket with Node 1's policy decision for it. */
  public static TicketWanted sign(
      String keyId, byte[] digest, DerivationPath path, PolicyStatement policy) {
    return new TicketWanted(keyId, Operation.SIGN, digest, path, Optional.of(policy));
  }

  /** A ticket for the root key, or for an operation that binds no path. */
  public TicketWanted(String keyId, Operation operation, byte[] digest) {
    this(keyId, operation, digest, DerivationPath.root());
  }

  public static TicketWanted of(String keyId, Operation operation) {
    return new TicketWanted(keyId, operation, null);
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }
}
