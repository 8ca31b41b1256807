package org.planbok.node2.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.planbok.node2.grpc.Node2Server;
import org.planbok.node2.identity.Node2Identity;

/** Ready when the gRPC server listens and the node's own database answers. */
@Readiness
@ApplicationScoped
public class Node2Readiness implements HealthCheck {
  @Inject Node2Server server;
  @Inject Node2Identity identity;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("node2").withData("grpcPort", server.port());
    if (!server.isRunning()) {
      return response.down().withData("grpc", "not listening").build();
    }
    try {
      return response.up().withData("nodeId", identity.nodeId()).build();
    } catch (RuntimeException e) {
      return response.down().withData("database", e.getClass().getSimpleName()).build();
    }
  }
}
