package org.planbok.node2.ping;

import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.planbok.node2.api.Node2Grpc;
import org.planbok.node2.api.NodeIdentity;
import org.planbok.node2.api.PingReply;
import org.planbok.node2.api.PingRequest;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.identity.Node2Identity;

/** Answers Node 1's Ping with this node's identity and build version. */
@ApplicationScoped
@Node2Service
public class PingService extends Node2Grpc.Node2ImplBase {
  private static final Logger LOG = Logger.getLogger(PingService.class.getName());

  @Inject Node2Identity identity;

  @Override
  public void ping(PingRequest request, StreamObserver<PingReply> reply) {
    LOG.fine(() -> "Ping from " + request.getCaller().getNodeId());
    reply.onNext(
        PingReply.newBuilder()
            .setResponder(
                NodeIdentity.newBuilder()
                    .setNodeId(identity.nodeId())
                    .setRole("node2")
                    .setVersion(identity.version()))
            .setTimeMillis(System.currentTimeMillis())
            .build());
    reply.onCompleted();
  }
}
