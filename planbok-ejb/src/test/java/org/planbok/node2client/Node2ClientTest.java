package org.planbok.node2client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.Node2Grpc;
import org.planbok.node2.api.NodeIdentity;
import org.planbok.node2.api.PingReply;
import org.planbok.node2.api.PingRequest;

/** The client maps every gRPC outcome to a result or a reasoned {@link Node2Unavailable}. */
class Node2ClientTest {
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void pingReturnsNode2IdentityAndRoundTrip() throws Exception {
    Node2Client client = clientFor(new Answering(), 2000);
    Node2Status status = client.ping("node1-test", "1.0");
    assertEquals("node2-test", status.nodeId());
    assertEquals("9.9", status.version());
    assertTrue(status.roundTrip().toNanos() > 0);
  }

  @Test
  void slowNode2IsATimeout() throws Exception {
    Node2Client client = clientFor(new Silent(), 200);
    Node2Unavailable e = assertThrows(Node2Unavailable.class, () -> client.ping("n1", "1"));
    assertEquals(Node2Unavailable.Reason.TIMEOUT, e.reason());
  }

  @Test
  void unreachableNode2IsUnreachable() throws Exception {
    Node2Client client = clientFor(new Answering(), 500);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    Node2Unavailable e = assertThrows(Node2Unavailable.class, () -> client.ping("n1", "1"));
    assertEquals(Node2Unavailable.Reason.UNREACHABLE, e.reason());
  }

  @Test
  void refusalIsReportedWithItsCode() throws Exception {
    Node2Client client = clientFor(new Refusing(), 2000);
    Node2Unavailable e = assertThrows(Node2Unavailable.class, () -> client.ping("n1", "1"));
    assertEquals(Node2Unavailable.Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("PERMISSION_DENIED"));
  }

  private Node2Client clientFor(Node2Grpc.Node2ImplBase service, long deadlineMillis)
      throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    Node2Client client = new Node2Client();
    client.channel = channel;
    client.calls = new UnaryCalls(channel, deadlineMillis);
    return client;
  }

  private static final class Answering extends Node2Grpc.Node2ImplBase {
    @Override
    public void ping(PingRequest request, StreamObserver<PingReply> reply) {
      reply.onNext(
          PingReply.newBuilder()
              .setResponder(
                  NodeIdentity.newBuilder()
                      .setNodeId("node2-test")
                      .setRole("node2")
                      .setVersion("9.9"))
              .build());
      reply.onCompleted();
    }
  }

  private static final class Silent extends Node2Grpc.Node2ImplBase {
    @Override
    public void ping(PingRequest request, StreamObserver<PingReply> reply) {
      // never answers: the client's deadline must fire
    }
  }

  private static final class Refusing extends Node2Grpc.Node2ImplBase {
    @Override
    public void ping(PingRequest request, StreamObserver<PingReply> reply) {
      reply.onError(Status.PERMISSION_DENIED.asRuntimeException());
    }
  }
}
