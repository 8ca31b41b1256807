package org.planbok.recovery.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.planbok.keys.entity.KeyId;
import org.planbok.recovery.control.RecoveryOutcome;

/**
 * What a recovery did: the keys that got new shares (their addresses stay), the keys left as they
 * were (frozen: they sign nothing until refreshed), and the new kit ({@code SENT}, {@code
 * NOT_SENT}: set recovery by email up again, {@code NOT_SET}).
 */
@JsonbPropertyOrder({
  "method",
  "recoveredAt",
  "keysRefreshed",
  "keysSkipped",
  "emailKit",
  "finished"
})
public record RecoveredView(
    String method,
    Instant recoveredAt,
    List<String> keysRefreshed,
    List<String> keysSkipped,
    String emailKit,
    boolean finished) {
  public static RecoveredView of(RecoveryOutcome o) {
    return new RecoveredView(
        o.method() == null ? null : o.method().label(),
        o.recoveredAt(),
        o.refreshed().stream().map(KeyId::toString).toList(),
        o.skipped().stream().map(KeyId::toString).toList(),
        o.kit().name(),
        o.finished());
  }
}
