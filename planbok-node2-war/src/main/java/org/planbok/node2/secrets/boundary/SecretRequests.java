package org.planbok.node2.secrets.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.secrets.control.Recoveries;
import org.planbok.node2.secrets.control.SecretOracle;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * Validates the Secrets service's request fields at the edge and maps them to the domain's values;
 * anything the contract does not allow is a {@link MalformedRequest}. Messages name the field,
 * never its value.
 */
final class SecretRequests {
  static final int MAX_SUBJECT = 128;
  static final int MAX_PATH = 64;

  /**
   * The largest payload a policy decision carries: Node 1 takes request bodies of at most 2 MiB (a
   * personal_sign message is the largest payload Node 2 recomputes from).
   */
  static final int MAX_PAYLOAD = 2 * 1024 * 1024;

  static final int MAX_SECRET = 1024;

  private SecretRequests() {}

  static Purpose purpose(org.planbok.node2.api.Purpose purpose) {
    return Purpose.fromWire(purpose).orElseThrow(() -> new MalformedRequest("purpose is missing"));
  }

  /** A customer ("customer:<id>") or an organization ("organization:<id>"). */
  static Subject subject(String subject) {
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new MalformedRequest("subject must be 1 to " + MAX_SUBJECT + " characters");
    }
    if (SubjectKind.of(subject).isEmpty()) {
      throw new MalformedRequest("subject must be \"customer:<id>\" or \"organization:<id>\"");
    }
    return Subject.of(subject);
  }

  /** The purpose of a secret the subject can have: no organization secret on a customer. */
  static Purpose purposeOf(Subject subject, org.planbok.node2.api.Purpose purpose) {
    Purpose p = purpose(purpose);
    SubjectKind kind = subject.kind();
    if (!kind.has(p)) {
      throw new MalformedRequest("purpose " + p + " is not one a " + kind + " subject has");
    }
    return p;
  }

  /** A purpose that may be removed: any but the unlock purpose, which is only ever replaced. */
  static Purpose removablePurpose(Subject subject, org.planbok.node2.api.Purpose purpose) {
    Purpose p = purposeOf(subject, purpose);
    if (subject.kind().isUnlock(p)) {
      throw new MalformedRequest(
          "purpose " + p + " unlocks the subject: replace it, never remove it");
    }
    return p;
  }

  /** A who, for the audit log: 1 to {@value #MAX_SUBJECT} characters. */
  static String requestedBy(String requestedBy) {
    if (requestedBy.isBlank() || requestedBy.length() > MAX_SUBJECT) {
      throw new MalformedRequest("requested_by must be 1 to " + MAX_SUBJECT + " characters");
    }
    return requestedBy;
  }

  /** Checks the size first, so no copy is made of an oversized secret. */
  static byte[] secret(com.google.protobuf.ByteString secret) {
    if (secret.isEmpty() || secret.size() > MAX_SECRET) {
      throw new MalformedRequest("secret must be 1 to " + MAX_SECRET + " bytes");
    }
    return secret.toByteArray();
  }

  /**
   * The tickets a check of {@code purpose} should mint for {@code subject}, in the order asked: at
   * most {@link SecretOracle#MAX_TICKETS}, of them at most {@code maxSign} SIGN tickets, and each
   * one the purpose may buy ({@link SubjectKind#mayRedeem}: a recovery secret buys only an ENROLL
   * ticket for the PIN).
   */
  static List<TicketRequest> ticketsWanted(
      Subject subject, Purpose purpose, List<TicketWanted> wanted, int maxSign) {
    if (wanted.size() > SecretOracle.MAX_TICKETS) {
      throw new MalformedRequest("at most " + SecretOracle.MAX_TICKETS + " tickets at once");
    }
    SubjectKind kind = subject.kind();
    List<TicketRequest> requests = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      TicketRequest request = ticketWanted(subject, wanted.get(i), "tickets[" + i + "]");
      if (!kind.mayRedeem(purpose, request.operation(), request.keyId().value())) {
        throw new MalformedRequest(
            "tickets["
                + i
                + "]: a "
                + purpose
                + " does not buy a "
                + request.operation()
                + " ticket for "
                + request.keyId());
      }
      requests.add(request);
    }
    if (SecretOracle.signTickets(requests) > maxSign) {
      throw new MalformedRequest("tickets: at most " + maxSign + " SIGN tickets per check");
    }
    return requests;
  }

  /** A delayed purpose (one with recoveries that wait) the subject can have. */
  static Purpose delayedPurpose(Subject subject, org.planbok.node2.api.Purpose purpose) {
    Purpose p = purposeOf(subject, purpose);
    if (!Recoveries.isDelayed(p)) {
      throw new MalformedRequest("purpose " + p + " has no delayed recovery");
    }
    return p;
  }

  private static TicketRequest ticketWanted(Subject subject, TicketWanted wanted, String field) {
    Operation op =
        Operation.fromWire(wanted.getOperation())
            .orElseThrow(() -> new MalformedRequest(field + ": operation is missing"));
    KeyId keyId;
    try {
      keyId = KeyId.of(wanted.getKeyId());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequest(field + ": key id is not valid");
    }
    if (op == Operation.ENROLL && Purpose.parse(keyId.value()).isEmpty()) {
      // Enroll redeems it with the purpose as key id: any other would be a dead ticket.
      throw new MalformedRequest(field + ": an ENROLL ticket's key id is a purpose");
    }
    if (op == Operation.CANCEL_RECOVERY
        && !Purpose.parse(keyId.value()).map(Recoveries::isDelayed).orElse(false)) {
      throw new MalformedRequest(
          field + ": a CANCEL_RECOVERY ticket's key id is a delayed purpose");
    }
    if (wanted.getPath().length() > MAX_PATH) {
      throw new MalformedRequest(field + ": path is longer than " + MAX_PATH + " characters");
    }
    DerivationPath path;
    try {
      path =
          wanted.getPath().isEmpty() || wanted.getPath().equals("m")
              ? DerivationPath.root()
              : DerivationPath.parse(wanted.getPath());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequest(field + ": path: " + e.getMessage());
    }
    Optional<PolicyStatement> policy =
        wanted.hasPolicy()
            ? Optional.of(policy(wanted.getPolicy(), field + ".policy"))
            : Optional.empty();
    try {
      return new TicketRequest(subject, keyId, op, wanted.getDigest().toByteArray(), path, policy);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequest(field + ": " + e.getMessage());
    }
  }

  /** A policy decision's fields, bounded; what they mean is {@code PolicyGate}'s to judge. */
  private static PolicyStatement policy(org.planbok.node2.api.PolicyStatement p, String field) {
    int hash = p.getPolicyHash().size();
    if (hash != 0 && hash != 32) {
      throw new MalformedRequest(field + ".policy_hash: empty or 32 bytes");
    }
    if (p.getPayloadHash().size() != 32) {
      throw new MalformedRequest(field + ".payload_hash: 32 bytes");
    }
    if (p.getDecision().length() > 16
        || p.getRule().length() > 200
        || p.getPayloadKind().isEmpty()
        || p.getPayloadKind().length() > 32) {
      throw new MalformedRequest(field + ": decision, rule or payload_kind too long or missing");
    }
    if (p.getPayload().size() > MAX_PAYLOAD) {
      throw new MalformedRequest(field + ".payload: at most " + MAX_PAYLOAD + " bytes");
    }
    return new PolicyStatement(
        p.getPolicyHash().toByteArray(),
        p.getDecision(),
        p.getRule(),
        p.getPayloadKind(),
        p.getPayloadHash().toByteArray(),
        p.getPayload().toByteArray());
  }
}
