package org.planbok.node2.sessions.boundary;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.node2.keys.control.KeyRefused;
import org.planbok.node2.sessions.control.SessionRefused;
import org.planbok.node2.sessions.control.SessionRefused.Reason;

/**
 * Turns why a session ended into the status Node 1 sees: a gRPC code plus the contract's stable
 * reason in the {@code planbok-reason} trailer. Unexpected failures become INTERNAL with no detail
 * and are logged here, once.
 */
final class Refusals {
  static final Metadata.Key<String> REASON =
      Metadata.Key.of("planbok-reason", Metadata.ASCII_STRING_MARSHALLER);
  private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

  private Refusals() {}

  /** The stable reason, or null for an unexpected failure. */
  static Reason reasonOf(Throwable t) {
    if (t instanceof SessionRefused r) {
      return r.reason();
    }
    if (t instanceof ProtocolAbort a) {
      return switch (a.reason()) {
        case BAD_PROOF, BAD_COMMITMENT, BAD_SIGNATURE, INVALID_PAILLIER -> Reason.BAD_PROOF;
        case KEY_FROZEN -> Reason.KEY_FROZEN;
        default -> Reason.PROTOCOL_VIOLATION;
      };
    }
    if (t instanceof KeyRefused k) {
      return switch (k.reason()) {
        case ALREADY_EXISTS -> Reason.KEY_EXISTS;
        case UNKNOWN_KEY, NOT_COMMITTED -> Reason.UNKNOWN_KEY;
        default -> Reason.PROTOCOL_VIOLATION;
      };
    }
    return null;
  }

  static StatusRuntimeException toStatus(Throwable t) {
    Reason reason = reasonOf(t);
    if (reason == null) {
      LOG.log(Level.SEVERE, "Node 2 session failed unexpectedly", t);
      return Status.INTERNAL
          .withDescription("Node 2 could not complete the session")
          .asRuntimeException();
    }
    Metadata trailers = new Metadata();
    trailers.put(REASON, reason.name());
    return codeOf(reason).withDescription(t.getMessage()).asRuntimeException(trailers);
  }

  private static Status codeOf(Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY -> Status.NOT_FOUND;
      case KEY_FROZEN -> Status.FAILED_PRECONDITION;
      case BAD_TICKET -> Status.PERMISSION_DENIED;
      case LOCKED -> Status.RESOURCE_EXHAUSTED;
      case BAD_PROOF, PROTOCOL_VIOLATION -> Status.INVALID_ARGUMENT;
      case TIMEOUT -> Status.DEADLINE_EXCEEDED;
      case KEY_EXISTS -> Status.ALREADY_EXISTS;
    };
  }
}
