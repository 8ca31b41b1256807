package org.planbok.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of every error the API returns: RFC 9457 with a stable type. */
class ProblemResponseTest {

  @Test
  void carriesTypeTitleStatusDetailAndField() {
    Response r =
        ProblemResponse.of(
            ProblemType.INVALID_FIELD,
            "count: must be positive",
            "count",
            List.of(new ProblemResponse.FieldError("count", "must be positive")),
            Map.of("attemptsLeft", 3));
    JsonObject body = (JsonObject) r.getEntity();
    assertEquals(400, r.getStatus());
    assertEquals("application/problem+json", r.getMediaType().toString());
    assertEquals("https://planbok.org/problems/invalid-field", body.getString("type"));
    assertEquals("Invalid field", body.getString("title"));
    assertEquals(400, body.getInt("status"));
    assertEquals("count", body.getString("field"));
    assertEquals("count", body.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(3, body.getInt("attemptsLeft"));
  }

  @Test
  void unexpectedErrorsShowAnIncidentAndNoInternals() {
    Response r =
        new UnexpectedErrorMapper()
            .toResponse(new IllegalStateException("secret internal detail at org.planbok.X"));
    JsonObject body = (JsonObject) r.getEntity();
    assertEquals(500, r.getStatus());
    assertFalse(body.toString().contains("secret internal detail"));
    assertTrue(body.getString("detail").contains(body.getString("incident")));
  }

  @Test
  void parserMessagesLoseJavaClassNames() {
    Response r =
        new MalformedJsonMapper()
            .toResponse(
                new ProcessingException(
                    new JsonbException("Cannot deserialize into java.lang.Integer: value \"x\"")));
    JsonObject body = (JsonObject) r.getEntity();
    assertEquals("https://planbok.org/problems/malformed-json", body.getString("type"));
    assertFalse(body.getString("detail").contains("java.lang."), body.getString("detail"));
  }

  @Test
  void everyProblemTypeHasAStableUri() {
    for (ProblemType type : ProblemType.values()) {
      assertTrue(type.uri().toString().startsWith("https://planbok.org/problems/"));
      assertFalse(type.uri().toString().contains("_"));
    }
  }
}
