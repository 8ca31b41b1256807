package org.planbok.node2client;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.Node2Grpc;
import org.planbok.node2.api.NodeIdentity;
import org.planbok.node2.api.PingReply;
import org.planbok.node2.api.PingRequest;

/**
 * Node 1's client for Node 2. Every call has a deadline; every failure becomes {@link
 * Node2Unavailable} with a reason, never a hang. Generated protobuf types stay inside this class.
 */
@ApplicationScoped
public class Node2Client {
  private static final Logger LOG = Logger.getLogger(Node2Client.class.getName());

  /** How long a call waits for a fresh connection to settle before it reports Node 2 down. */
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  @Inject @Node2 ManagedChannel channel;

  @Inject
  @ConfigProperty(name = "planbok.node2.deadline-ms", defaultValue = "3000")
  long deadlineMillis;

  /** Asks Node 2 who it is; {@code caller} is this node's identity. */
  public Node2Status ping(String callerNodeId, String callerVersion) {
    PingRequest request =
        PingRequest.newBuilder()
            .setCaller(
                NodeIdentity.newBuilder()
                    .setNodeId(callerNodeId)
                    .setRole("node1")
                    .setVersion(callerVersion))
            .build();
    long start = System.nanoTime();
    PingReply reply = idempotent(stub -> stub.ping(request));
    return new Node2Status(
        reply.getResponder().getNodeId(),
        reply.getResponder().getVersion(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Runs an idempotent unary call. After a broken connection or a failed handshake the channel
   * keeps its back-off state and fails calls at once with the old error, even when Node 2 is back.
   * So after an UNAVAILABLE the channel is sent to idle (a fresh load balancer, no back-off) and
   * the call tried again: it fails at once with the fresh reason (a handshake failure is final),
   * or, while the new connection is still settling, waits for it within the remaining deadline.
   */
  private <T> T idempotent(Function<Node2Grpc.Node2BlockingStub, T> call) {
    long deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    try {
      return call.apply(stub(deadlineAt));
    } catch (StatusRuntimeException first) {
      if (first.getStatus().getCode() != Status.Code.UNAVAILABLE) {
        throw unavailable(first);
      }
      channel.enterIdle();
      StatusRuntimeException fresh;
      try {
        return call.apply(stub(deadlineAt));
      } catch (StatusRuntimeException second) {
        fresh = second;
      }
      if (fresh.getStatus().getCode() != Status.Code.UNAVAILABLE || handshakeFailed(fresh)) {
        throw unavailable(fresh);
      }
      long settleBy = Math.min(deadlineAt, System.nanoTime() + SETTLE_NANOS);
      try {
        return call.apply(stub(settleBy).withWaitForReady());
      } catch (StatusRuntimeException third) {
        throw unavailable(fresh);
      }
    }
  }

  private Node2Grpc.Node2BlockingStub stub(long deadlineAtNanos) {
    return Node2Grpc.newBlockingStub(channel)
        .withDeadlineAfter(Math.max(1, deadlineAtNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private Node2Unavailable unavailable(StatusRuntimeException e) {
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
