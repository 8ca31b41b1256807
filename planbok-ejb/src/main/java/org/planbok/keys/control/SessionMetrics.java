package org.planbok.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.planbok.node2client.SessionSpec;

/**
 * Protocol latencies as MicroProfile Metrics (DESIGN §7): one timer {@code planbok_session} per
 * operation, curve and outcome, served by the server at {@code /metrics} (Prometheus text).
 */
@ApplicationScoped
public class SessionMetrics {
  @Inject MetricRegistry registry;

  void record(SessionSpec spec, String outcome, Duration took) {
    registry
        .timer(
            "planbok_session",
            new Tag("operation", spec.operation().name().toLowerCase()),
            new Tag("curve", spec.curve().label()),
            new Tag("outcome", outcome))
        .update(took);
  }
}
