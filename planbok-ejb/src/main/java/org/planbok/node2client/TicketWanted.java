package org.planbok.node2client;

import java.util.Objects;
import org.planbok.mpc.hd.DerivationPath;

/**
 * A ticket Node 1 asks Node 2 to mint if the secret is right: one operation on one key (for {@link
 * Operation#ENROLL}, the key id names the secret's purpose), the 32-byte digest it binds (SIGN and
 * EXPORT) or none, and for SIGN and EXPORT the path of the child key the session will name (the
 * root key otherwise): Node 2 records it in the ticket.
 */
public record TicketWanted(String keyId, Operation operation, byte[] digest, DerivationPath path) {
  public TicketWanted {
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(operation);
    digest = digest == null ? new byte[0] : digest.clone();
    path = path == null ? DerivationPath.root() : path;
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
