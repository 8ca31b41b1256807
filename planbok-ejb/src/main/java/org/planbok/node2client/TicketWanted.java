package org.planbok.node2client;

import java.util.Objects;

/**
 * A ticket Node 1 asks Node 2 to mint if the secret is right: one operation on one key (for {@link
 * Operation#ENROLL}, the key id names the secret's purpose) and the 32-byte digest it binds (SIGN
 * and EXPORT) or none.
 */
public record TicketWanted(String keyId, Operation operation, byte[] digest) {
  public TicketWanted {
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(operation);
    digest = digest == null ? new byte[0] : digest.clone();
  }

  public static TicketWanted of(String keyId, Operation operation) {
    return new TicketWanted(keyId, operation, null);
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }
}
