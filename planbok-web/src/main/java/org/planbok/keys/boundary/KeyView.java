package org.planbok.keys.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.HexFormat;
import org.planbok.keys.entity.JointKey;

/**
 * A joint key as the API shows it. Never its chain code: with one exported child key it would give
 * away the root and every sibling (DESIGN §4).
 */
@JsonbPropertyOrder({
  "id",
  "curve",
  "publicKey",
  "frozen",
  "frozenAt",
  "createdAt",
  "refreshedAt",
  "exportCount",
  "lastExportedAt"
})
public record KeyView(
    String id,
    String curve,
    String publicKey,
    boolean frozen,
    Instant frozenAt,
    Instant createdAt,
    Instant refreshedAt,
    int exportCount,
    Instant lastExportedAt) {
  public static KeyView of(JointKey k) {
    return new KeyView(
        k.id().toString(),
        k.curve().label(),
        HexFormat.of().formatHex(k.publicKey()),
        k.frozen(),
        k.frozenAt(),
        k.createdAt(),
        k.refreshedAt(),
        k.exportCount(),
        k.exportedAt());
  }
}
