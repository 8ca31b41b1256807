package org.planbok.policy.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.policy.control.StoredPolicy;

/** A scope's policy as stored: the canonical document, its version and hash. */
@Schema(
    name = "Policy",
    requiredProperties = {"scope", "version", "hash", "policy", "updatedAt", "updatedBy"})
public record PolicyView(
    @Schema(description = "organization or customer", example = "organization") String scope,
    @Schema(description = "Counts replacements from 1", example = "3") long version,
    @Schema(description = "SHA-256 of the canonical document (hex), as Node 2 holds it")
        String hash,
    @Schema(description = "The policy in canonical form") JsonObject policy,
    Instant updatedAt,
    @Schema(description = "Who put it in place (api-key:…, console:…)") String updatedBy) {
  public static PolicyView of(StoredPolicy p) {
    JsonObject document;
    try (var reader = Json.createReader(new StringReader(p.document().canonical()))) {
      document = reader.readObject();
    }
    return new PolicyView(
        p.scope().startsWith("organization:") ? "organization" : "customer",
        p.version(),
        p.hash(),
        document,
        p.updatedAt(),
        p.updatedBy());
  }
}
