package org.planbok.system.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.planbok.node2client.Node2Status;
import org.planbok.node2client.Node2Unavailable;
import org.planbok.system.control.Nodes;

/**
 * Node 1 is ready only when Node 2 answers a Ping over mutual TLS: without Node 2 no key can be
 * made or used, so a load balancer should not send traffic here.
 */
@Readiness
@ApplicationScoped
public class Node2Readiness implements HealthCheck {
  @Inject Nodes nodes;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("node2");
    try {
      Node2Status status = nodes.node2();
      return response
          .up()
          .withData("nodeId", status.nodeId())
          .withData("version", status.version())
          .withData("roundTripMicros", status.roundTrip().toNanos() / 1000)
          .build();
    } catch (Node2Unavailable e) {
      return response.down().withData("reason", e.reason().name()).build();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() instanceof Node2Unavailable u ? u : e;
      String reason =
          cause instanceof Node2Unavailable u
              ? u.reason().name()
              : cause.getClass().getSimpleName();
      return response.down().withData("reason", reason).build();
    }
  }
}
