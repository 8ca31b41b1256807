package org.planbok.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds an RFC 9457 response from a problem type and its details. */
public final class ProblemResponse {
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private ProblemResponse() {}

  /** One invalid input: its JSON path and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static Response of(ProblemType type, String detail) {
    return of(type, detail, null, List.of(), Map.of());
  }

  public static Response of(
      ProblemType type,
      String detail,
      String field,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", type.uri().toString())
            .add("title", type.title())
            .add("status", type.status())
            .add("detail", detail == null ? type.title() : detail);
    if (field != null) {
      body.add("field", field);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    extensions.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            body.add(k, n.longValue());
          } else if (v != null) {
            body.add(k, v.toString());
          }
        });
    return Response.status(type.status()).type(PROBLEM_JSON).entity(body.build()).build();
  }
}
