package org.planbok.node2.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbok.node2.api.Reason;
import org.planbok.node2.api.vocabulary.RefusalReason;

/**
 * How every Node 2 service refuses: the gRPC code the contract gives the reason, and the reason
 * itself in the {@code planbok-reason} trailer, so Node 1 never parses a description. Unexpected
 * failures become INTERNAL with no detail and are logged here, once. Descriptions are for operators
 * and never carry a secret.
 */
public final class Refusals {
  public static final Metadata.Key<String> REASON =
      Metadata.Key.of(RefusalReason.TRAILER, Metadata.ASCII_STRING_MARSHALLER);
  private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

  private Refusals() {}

  /** A refusal for one of the contract's reasons. */
  public static StatusRuntimeException refusal(Reason reason, String detail) {
    Metadata trailers = new Metadata();
    trailers.put(REASON, reason.name());
    return codeOf(reason).withDescription(detail).asRuntimeException(trailers);
  }

  /** A failure nobody expected, in what Node 2 was doing ("session", "secret check"). */
  public static StatusRuntimeException unexpected(String what, Throwable t) {
    LOG.log(Level.SEVERE, "Node 2 " + what + " failed unexpectedly", t);
    return Status.INTERNAL
        .withDescription("Node 2 could not complete the " + what)
        .asRuntimeException();
  }

  /** The code each reason carries, as the contract's {@code Reason} enum documents it. */
  static Status codeOf(Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY -> Status.NOT_FOUND;
      case KEY_FROZEN -> Status.FAILED_PRECONDITION;
      case BAD_TICKET, EXPORT_NOT_AUTHORIZED, POLICY_REFUSED -> Status.PERMISSION_DENIED;
      case LOCKED, BUSY -> Status.RESOURCE_EXHAUSTED;
      case BAD_PROOF, PROTOCOL_VIOLATION -> Status.INVALID_ARGUMENT;
      case TIMEOUT -> Status.DEADLINE_EXCEEDED;
      case KEY_EXISTS, ALREADY_ENROLLED -> Status.ALREADY_EXISTS;
      case REASON_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("no refusal without a reason");
    };
  }
}
