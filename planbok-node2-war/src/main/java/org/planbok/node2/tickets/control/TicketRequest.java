package org.planbok.node2.tickets.control;

import java.util.HexFormat;
import java.util.Objects;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.tickets.entity.Operation;

/**
 * What a ticket will authorise: one operation on one key for one subject, and for {@code SIGN} the
 * 32-byte digest to be signed (other operations take an empty digest or a 32-byte one that binds
 * them to something, such as the device key of an export).
 */
public record TicketRequest(String subject, KeyId keyId, Operation operation, byte[] digest) {
  public static final int DIGEST = 32;
  static final int SUBJECT = 200;

  public TicketRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(operation, "operation");
    digest = digest == null ? new byte[0] : digest.clone();
    if (subject.isBlank() || subject.length() > SUBJECT) {
      throw new IllegalArgumentException("subject must be 1 to " + SUBJECT + " characters");
    }
    if (digest.length != 0 && digest.length != DIGEST) {
      throw new IllegalArgumentException("digest must be empty or 32 bytes");
    }
    if (operation == Operation.SIGN && digest.length != DIGEST) {
      throw new IllegalArgumentException("a SIGN ticket needs the 32-byte digest");
    }
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
        + "]";
  }
}
