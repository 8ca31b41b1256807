package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.node2.api.Node2Grpc;

/**
 * What Node 1 does when Node 2 is gone or is not who it claims: readiness goes DOWN and the API
 * answers a clear 503 at once, never a hang; when Node 2 is back, so is Node 1.
 */
@ExtendWith(ArquillianExtension.class)
class Node2OutageIT {
  private static final int NODE2_PORT = Integer.getInteger("planbok.it.node2-grpc-port", 50051);
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @AfterEach
  void node2IsRunningAgain() {
    Node2Process.start();
  }

  @Test
  void stoppedNode2MakesNode1NotReadyAndTheApiAnswers503() {
    assertEquals(200, api.get("/health/ready").status());
    Node2Process.stop();

    long start = System.nanoTime();
    Api.Reply ready = api.get("/health/ready");
    Api.Reply system = api.get("/api/v1/system");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(503, ready.status(), ready.body());
    JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
    assertEquals("DOWN", check.getString("status"));
    assertEquals("UNREACHABLE", check.getJsonObject("data").getString("reason"));
    SystemApiIT.assertProblem(system, 503, "node2-unavailable");
    assertEquals("UNREACHABLE", system.json().getString("reason"));
    assertEquals("5", system.header("Retry-After"));
    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "answered in " + took);

    Node2Process.start();
    Api.Reply readyAgain = api.get("/health/ready");
    assertEquals(200, readyAgain.status(), readyAgain.body());
    Api.Reply back = api.get("/api/v1/system");
    assertEquals(200, back.status(), back.body());
  }

  @Test
  void killedNode2IsReportedTheSameWay() {
    Node2Process.kill();
    Api.Reply system = api.get("/api/v1/system");
    SystemApiIT.assertProblem(system, 503, "node2-unavailable");
    Node2Process.start();
    Api.Reply back = api.get("/api/v1/system");
    assertEquals(200, back.status(), back.body());
  }

  @Test
  void impostorWithAnotherCertificateIsNotTrusted() throws Exception {
    Node2Process.stop();
    SelfSignedIdentity impostor = SelfSignedIdentity.forLocalhost("impostor-node2");
    Server server =
        NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", NODE2_PORT),
                TlsServerCredentials.newBuilder().keyManager(impostor.keyManagers()).build())
            .addService(new Node2Grpc.Node2ImplBase() {})
            .build()
            .start();
    try {
      Api.Reply ready = api.get("/health/ready");
      assertEquals(503, ready.status(), ready.body());
      JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
      assertEquals("UNTRUSTED_PEER", check.getJsonObject("data").getString("reason"));
      Api.Reply system = api.get("/api/v1/system");
      SystemApiIT.assertProblem(system, 503, "node2-unavailable");
      assertEquals("UNTRUSTED_PEER", system.json().getString("reason"));
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    Node2Process.start();
    Api.Reply back = api.get("/api/v1/system");
    assertEquals(200, back.status(), "the real Node 2 is trusted again: " + back.body());
  }
}
