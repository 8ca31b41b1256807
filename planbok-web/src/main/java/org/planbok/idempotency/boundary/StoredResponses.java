package org.planbok.idempotency.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import org.planbok.idempotency.control.StoredResponse;

/** Between a JAX-RS response and the form an idempotency record keeps. */
final class StoredResponses {
  static final String REPLAYED = "Idempotent-Replayed";

  private StoredResponses() {}

  /** The response to send: the stored status, JSON body and Location. */
  static Response toResponse(StoredResponse stored, Optional<String> fullBody, boolean replayed) {
    Response.ResponseBuilder out = Response.status(stored.status());
    Optional<String> body = fullBody.isPresent() ? fullBody : stored.body();
    body.ifPresent(b -> out.entity(b).type(MediaType.APPLICATION_JSON_TYPE));
    stored.location().ifPresent(l -> out.header("Location", l));
    if (replayed) {
      out.header(REPLAYED, "true");
    }
    return out.build();
  }

  /** A copy of {@code json} without the named members, at any depth. */
  static String without(String json, Set<String> names) {
    if (names.isEmpty()) {
      return json;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return strip(reader.readValue(), names).toString();
    }
  }

  private static JsonValue strip(JsonValue value, Set<String> names) {
    if (value instanceof JsonObject object) {
      JsonObjectBuilder out = Json.createObjectBuilder();
      object.forEach(
          (k, v) -> {
            if (!names.contains(k)) {
              out.add(k, strip(v, names));
            }
          });
      return out.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder out = Json.createArrayBuilder();
      array.forEach(v -> out.add(strip(v, names)));
      return out.build();
    }
    return value;
  }
}
