package org.planbok.organization.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;
import org.planbok.organization.control.OperatorCredential;

/**
 * {@code /metrics} for the operator only (operator token): Planbok's own metrics, the protocol
 * latencies (DESIGN §7), in Prometheus text. Payara's own endpoint, which answered anyone with the
 * JVM's and the server's details, is moved to {@code /payara-metrics} behind a role nobody has
 * ({@code scripts/servers.sh}), so this path is the web module's.
 */
@WebServlet(urlPatterns = "/metrics")
public class OperatorMetrics extends HttpServlet {
  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  @Inject OperatorCredential operator;
  @Inject MetricRegistry registry;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> token = BearerCredentials.token(request.getHeader("Authorization"));
    if (token.isEmpty() || !operator.verify(token.get())) {
      Response refusal =
          BearerCredentials.unauthenticated(
              "The operator token is required: Authorization: Bearer <operator token>.",
              token.isPresent());
      response.setStatus(refusal.getStatus());
      response.setHeader("WWW-Authenticate", refusal.getHeaderString("WWW-Authenticate"));
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(((JsonObject) refusal.getEntity()).toString());
      return;
    }
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrometheusText.timers(registry.getTimers(), response.getWriter());
  }

  /** The Prometheus text exposition of timers, in seconds. */
  static final class PrometheusText {
    private PrometheusText() {}

    static void timers(Map<MetricID, Timer> timers, PrintWriter out) {
      Map<String, Map<MetricID, Timer>> byName =
          timers.entrySet().stream()
              .collect(
                  Collectors.groupingBy(
                      e -> name(e.getKey().getName()),
                      java.util.TreeMap::new,
                      Collectors.toMap(
                          Map.Entry::getKey,
                          Map.Entry::getValue,
                          (a, b) -> a,
                          java.util.LinkedHashMap::new)));
      byName.forEach(
          (name, series) -> {
            String base = name + "_seconds";
            out.println("# TYPE " + base + " summary");
            series.forEach(
                (id, timer) -> {
                  Snapshot snapshot = timer.getSnapshot();
                  for (Snapshot.PercentileValue p : snapshot.percentileValues()) {
                    out.println(
                        base
                            + labels(id, "quantile", Double.toString(p.getPercentile()))
                            + " "
                            + seconds(p.getValue()));
                  }
                  out.println(base + "_count" + labels(id, null, null) + " " + timer.getCount());
                  out.println(
                      base
                          + "_sum"
                          + labels(id, null, null)
                          + " "
                          + timer.getElapsedTime().toNanos() / NANOS_PER_SECOND);
                  out.println(
                      base + "_max" + labels(id, null, null) + " " + seconds(snapshot.getMax()));
                });
          });
      out.flush();
    }

    private static double seconds(double nanos) {
      return nanos / NANOS_PER_SECOND;
    }

    private static String name(String metric) {
      return metric.replaceAll("[^a-zA-Z0-9_:]", "_");
    }

    private static String labels(MetricID id, String extraName, String extraValue) {
      StringBuilder out = new StringBuilder();
      id.getTags()
          .forEach(
              (k, v) ->
                  out.append(out.isEmpty() ? "" : ",")
                      .append(name(k))
                      .append("=\"")
                      .append(escape(v))
                      .append('"'));
      if (extraName != null) {
        out.append(out.isEmpty() ? "" : ",")
            .append(extraName)
            .append("=\"")
            .append(extraValue)
            .append('"');
      }
      return out.isEmpty() ? "" : "{" + out + "}";
    }

    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
  }
}
