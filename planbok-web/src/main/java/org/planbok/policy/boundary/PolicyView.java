package org.planbok.policy.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.policy.control.StoredPolicy;

/**
 * A scope's policy as stored: {@code scope} organization or customer, {@code version} counting
 * replacements from 1, {@code hash} the SHA-256 of the canonical document (hex, as Node 2 holds
 * it), {@code policy} the document in canonical form, who put it in place ({@code api-key:…},
 * {@code console:…}) and when.
 */
@Schema(
    name = "Policy",
    description = "A signing policy, its version and hash",
    requiredProperties = {"scope", "version", "hash", "policy", "updatedAt", "updatedBy"})
public record PolicyView(
    String scope,
    long version,
    String hash,
    JsonObject policy,
    Instant updatedAt,
    String updatedBy) {
  public static PolicyView of(StoredPolicy p) {
    JsonObject document;
    try (var reader = Json.createReader(new StringReader(p.document().canonical()))) {
      document = reader.readObject();
    }
    return new PolicyView(
        p.scopeKind(), p.version(), p.hash(), document, p.updatedAt(), p.updatedBy());
  }
}
