package org.planbok.keys.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.keys.entity.ProtocolSession;

/** A protocol session with Node 2 as the API shows it. */
@JsonbPropertyOrder({
  "id",
  "operation",
  "curve",
  "keyId",
  "state",
  "outcome",
  "startedAt",
  "finishedAt",
  "durationMs"
})
public record SessionView(
    String id,
    String operation,
    String curve,
    String keyId,
    String state,
    String outcome,
    Instant startedAt,
    Instant finishedAt,
    Double durationMs) {
  public static SessionView of(ProtocolSession s) {
    return new SessionView(
        s.id(),
        s.operation(),
        s.curve().label(),
        s.keyId().toString(),
        s.state().name(),
        s.outcome(),
        s.startedAt(),
        s.finishedAt(),
        s.durationMicros() == null ? null : s.durationMicros() / 1000.0);
  }
}
