package org.planbok.node2.secrets.boundary;

import java.util.ArrayList;
import java.util.List;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.secrets.control.Recoveries;
import org.planbok.node2.secrets.control.SecretOracle;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.entity.Operation;

/**
 * Validates the Secrets service's request fields at the edge and maps them to the domain's values;
 * anything the contract does not allow is a {@link MalformedRequest}. Messages name the field,
 * never its value.
 */
final class SecretRequests {
  static final int MAX_SUBJECT = 128;
  static final int MAX_SECRET = 1024;

  private SecretRequests() {}

  static String purpose(Purpose purpose) {
    return switch (purpose) {
      case PIN -> SecretOracle.PIN;
      case QUESTIONS -> SecretOracle.QUESTIONS;
      case ORG_SECRET -> SecretOracle.ORG_SECRET;
      case EMAIL -> SecretOracle.EMAIL;
      case PURPOSE_UNSPECIFIED, UNRECOGNIZED -> throw new MalformedRequest("purpose is missing");
    };
  }

  static String subject(String subject) {
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new MalformedRequest("subject must be 1 to " + MAX_SUBJECT + " characters");
    }
    return subject;
  }

  /** Checks the size first, so no copy is made of an oversized secret. */
  static byte[] secret(com.google.protobuf.ByteString secret) {
    if (secret.isEmpty() || secret.size() > MAX_SECRET) {
      throw new MalformedRequest("secret must be 1 to " + MAX_SECRET + " bytes");
    }
    return secret.toByteArray();
  }

  /**
   * The tickets a check of {@code purpose} should mint for {@code subject}, in the order asked. A
   * recovery secret buys only an ENROLL ticket for the PIN.
   */
  static List<TicketRequest> ticketsWanted(
      String subject, String purpose, List<TicketWanted> wanted) {
    if (wanted.size() > SecretOracle.MAX_TICKETS) {
      throw new MalformedRequest("at most " + SecretOracle.MAX_TICKETS + " tickets at once");
    }
    List<TicketRequest> requests = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      TicketRequest request = ticketWanted(subject, wanted.get(i), "tickets[" + i + "]");
      if (SecretOracle.RECOVERY_PURPOSES.contains(purpose) && !SecretOracle.newPin(request)) {
        throw new MalformedRequest(
            "tickets[" + i + "]: a recovery secret buys only an ENROLL ticket for pin");
      }
      requests.add(request);
    }
    return requests;
  }

  /** A delayed purpose (one with recoveries that wait). */
  static String delayedPurpose(Purpose purpose) {
    String p = purpose(purpose);
    if (!Recoveries.isDelayed(p)) {
      throw new MalformedRequest("purpose " + p + " has no delayed recovery");
    }
    return p;
  }

  private static TicketRequest ticketWanted(String subject, TicketWanted wanted, String field) {
    Operation op =
        switch (wanted.getOperation()) {
          case KEYGEN -> Operation.KEYGEN;
          case SIGN -> Operation.SIGN;
          case REFRESH -> Operation.REFRESH;
          case EXPORT -> Operation.EXPORT;
          case ENROLL -> Operation.ENROLL;
          case CANCEL_RECOVERY -> Operation.CANCEL_RECOVERY;
          case OPERATION_UNSPECIFIED, UNRECOGNIZED ->
              throw new MalformedRequest(field + ": operation is missing");
        };
    KeyId keyId;
    try {
      keyId = KeyId.of(wanted.getKeyId());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequest(field + ": key id is not valid");
    }
    if (op == Operation.ENROLL && !SecretOracle.PURPOSES.contains(keyId.value())) {
      // Enroll redeems it with the purpose as key id: any other would be a dead ticket.
      throw new MalformedRequest(field + ": an ENROLL ticket's key id is a purpose");
    }
    if (op == Operation.CANCEL_RECOVERY && !Recoveries.isDelayed(keyId.value())) {
      throw new MalformedRequest(
          field + ": a CANCEL_RECOVERY ticket's key id is a delayed purpose");
    }
    try {
      return new TicketRequest(subject, keyId, op, wanted.getDigest().toByteArray());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequest(field + ": " + e.getMessage());
    }
  }
}
