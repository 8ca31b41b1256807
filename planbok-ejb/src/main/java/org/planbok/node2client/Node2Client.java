package org.planbok.node2client;

import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.planbok.node2.api.Node2Grpc;
import org.planbok.node2.api.NodeIdentity;
import org.planbok.node2.api.PingReply;
import org.planbok.node2.api.PingRequest;

/**
 * Node 1's client for Node 2's identity service. Every call has a deadline; every failure becomes
 * {@link Node2Unavailable} with a reason, never a hang. Generated protobuf types stay inside this
 * package.
 */
@ApplicationScoped
public class Node2Client {
  @Inject @Node2 ManagedChannel channel;

  @Inject UnaryCalls calls;

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
    PingReply reply =
        calls.call(
            (deadline, waitForReady) -> {
              Node2Grpc.Node2BlockingStub stub =
                  Node2Grpc.newBlockingStub(channel).withDeadline(deadline);
              return (waitForReady ? stub.withWaitForReady() : stub).ping(request);
            });
    return new Node2Status(
        reply.getResponder().getNodeId(),
        reply.getResponder().getVersion(),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
