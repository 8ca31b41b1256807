package org.planbok.node2client;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one unary call to Node 2 within a deadline and turns every failure into a domain exception:
 * {@link Node2Refused} when Node 2 answered with a reason, {@link Node2Unavailable} otherwise.
 *
 * <p>After a broken connection or a failed handshake the channel keeps its back-off state and fails
 * calls at once with the old error, even when Node 2 is back. So after an UNAVAILABLE the channel
 * is sent to idle (a fresh load balancer, no back-off) and the call tried again: it fails at once
 * with the fresh reason (a handshake failure is final), or, while the new connection is still
 * settling, waits for it within the remaining deadline. gRPC answers UNAVAILABLE when a call could
 * not be sent; a connection that breaks after the call was sent may end the same way, and then a
 * retried secret check counts one wrong attempt twice at worst.
 */
@ApplicationScoped
public class UnaryCalls {
  private static final Logger LOG = Logger.getLogger(UnaryCalls.class.getName());

  /** How long a call waits for a fresh connection to settle before it reports Node 2 down. */
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** One try of the call: build the stub with this deadline (and wait-for-ready) and call. */
  public interface Attempt<T> {
    T run(Deadline deadline, boolean waitForReady);
  }

  @Inject @Node2 ManagedChannel channel;

  /** Generous for loopback: a cold channel's first TLS handshake took over 3 s here under load. */
  @Inject
  @ConfigProperty(name = "planbok.node2.deadline-ms", defaultValue = "5000")
  long deadlineMillis;

  UnaryCalls() {
    // for CDI
  }

  UnaryCalls(ManagedChannel channel, long deadlineMillis) {
    this.channel = channel;
    this.deadlineMillis = deadlineMillis;
  }

  public <T> T call(Attempt<T> attempt) {
    Deadline deadline = Deadline.after(deadlineMillis, TimeUnit.MILLISECONDS);
    try {
      return attempt.run(deadline, false);
    } catch (StatusRuntimeException first) {
      if (first.getStatus().getCode() != Status.Code.UNAVAILABLE) {
        throw failure(first);
      }
      channel.enterIdle();
      StatusRuntimeException fresh;
      try {
        return attempt.run(deadline, false);
      } catch (StatusRuntimeException second) {
        fresh = second;
      }
      if (fresh.getStatus().getCode() != Status.Code.UNAVAILABLE || handshakeFailed(fresh)) {
        throw failure(fresh);
      }
      long settle = Math.min(deadline.timeRemaining(TimeUnit.NANOSECONDS), SETTLE_NANOS);
      try {
        return attempt.run(Deadline.after(Math.max(1, settle), TimeUnit.NANOSECONDS), true);
      } catch (StatusRuntimeException third) {
        throw failure(fresh);
      }
    }
  }

  private RuntimeException failure(StatusRuntimeException e) {
    if (e.getTrailers() != null && e.getTrailers().get(Node2Session.REASON) != null) {
      return Node2Session.fromStatus(e.getStatus(), e.getTrailers());
    }
    LOG.warning(
        () ->
            "Node 2 call failed: "
                + e.getStatus().getCode()
                + " "
                + e.getStatus().getDescription()
                + (e.getCause() == null ? "" : " (" + e.getCause() + ")")
                + ", channel "
                + channel.getState(false));
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.DEADLINE_EXCEEDED) {
      return new Node2Unavailable(
          Node2Unavailable.Reason.TIMEOUT,
          "Node 2 did not answer within " + deadlineMillis + " ms",
          e);
    }
    if (handshakeFailed(e)) {
      return new Node2Unavailable(
          Node2Unavailable.Reason.UNTRUSTED_PEER,
          "Node 2's TLS handshake failed: its certificate is not the pinned one, or it refused ours",
          e);
    }
    if (code == Status.Code.UNAVAILABLE) {
      return new Node2Unavailable(
          Node2Unavailable.Reason.UNREACHABLE, "Node 2 is not reachable", e);
    }
    return new Node2Unavailable(
        Node2Unavailable.Reason.REFUSED, "Node 2 refused the call: " + code, e);
  }

  /** The TLS handshake failed: an SSLException in the causes, or a status that says so. */
  private static boolean handshakeFailed(StatusRuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return true;
      }
    }
    String description = String.valueOf(e.getStatus().getDescription());
    return description.contains("SSL") || description.contains("handshake");
  }
}
