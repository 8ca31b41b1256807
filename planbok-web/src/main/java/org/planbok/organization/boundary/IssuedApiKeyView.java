package org.planbok.organization.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.organization.control.IssuedApiKey;

/**
 * A key just created, with its text in {@code apiKey}: shown in this response only (a retry with
 * the same Idempotency-Key gets the same key without it). JSON needs the text as a String, which
 * cannot be zeroed; the char[] it came from is.
 */
@JsonbPropertyOrder({"id", "prefix", "label", "createdAt", "apiKey"})
public record IssuedApiKeyView(
    String id, String prefix, String label, Instant createdAt, String apiKey) {
  static final String SECRET_FIELD = "apiKey";

  static IssuedApiKeyView of(IssuedApiKey issued) {
    try (issued) {
      return new IssuedApiKeyView(
          issued.key().id().toString(),
          issued.key().prefix(),
          issued.key().label().value(),
          issued.key().createdAt(),
          new String(issued.text()));
    }
  }

  @Override
  public String toString() {
    return "IssuedApiKeyView[" + prefix + "_…]";
  }
}
