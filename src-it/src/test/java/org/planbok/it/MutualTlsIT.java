package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.Node2Grpc;
import org.planbok.node2.api.NodeIdentity;
import org.planbok.node2.api.PingReply;
import org.planbok.node2.api.PingRequest;

/**
 * Node 2 on Payara Micro admits only Node 1's certificate. Each test dials the real Node 2 with a
 * different client identity.
 */
class MutualTlsIT {
  private static final int PORT = Integer.getInteger("planbok.it.node2-grpc-port", 50051);

  @Test
  void node1CertificateIsAdmitted() throws Exception {
    PingReply reply = ping(Node1Identity.keyManagers());
    assertTrue(reply.getResponder().getNodeId().startsWith("node2-"));
    assertEquals("node2", reply.getResponder().getRole());
  }

  @Test
  void clientWithoutCertificateIsRefused() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ping(null));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
  }

  @Test
  void clientWithAnotherCertificateIsRefused() {
    KeyManager[] stranger = SelfSignedIdentity.forLocalhost("not-node1").keyManagers();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ping(stranger));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
  }

  private static PingReply ping(KeyManager[] clientIdentity) throws Exception {
    TlsChannelCredentials.Builder tls =
        TlsChannelCredentials.newBuilder()
            .trustManager(Node1Identity.certificates().resolve("node2.crt").toFile());
    if (clientIdentity != null) {
      tls.keyManager(clientIdentity);
    }
    ChannelCredentials credentials = tls.build();
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", PORT, credentials).build();
    try {
      return Node2Grpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .ping(
              PingRequest.newBuilder()
                  .setCaller(NodeIdentity.newBuilder().setNodeId("test").setRole("test"))
                  .build());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
