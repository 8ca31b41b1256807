package org.planbok.idempotency.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planbok.console.boundary.ConsoleSessionResource;
import org.planbok.system.boundary.SystemResource;
import org.planbok.web.PlanbokApplication;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

class IdempotentMethodsTest {
  /** DESIGN 7: every call that changes something takes an Idempotency-Key. */
  @Test
  void everyMutatingResourceMethodIsIdempotent() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : new PlanbokApplication().getClasses()) {
      if (type == SystemResource.class) {
        continue; // diagnostics: a ping changes nothing
      }
      if (type == ConsoleSessionResource.class) {
        // Signing in and out opens and ends a session: a replayed answer would hand out an old
        // session's CSRF token, and there is no caller to scope a key to before signing in.
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        boolean mutating =
            m.isAnnotationPresent(POST.class)
                || m.isAnnotationPresent(PUT.class)
                || m.isAnnotationPresent(PATCH.class)
                || m.isAnnotationPresent(DELETE.class);
        if (mutating) {
          checked++;
          if (!m.isAnnotationPresent(Idempotent.class)) {
            missing.add(type.getSimpleName() + "." + m.getName());
          }
        }
      }
    }
    assertTrue(checked >= 5, "found " + checked);
    assertEquals(List.of(), missing);
  }

  @Test
  void theHeaderIsRequiredOnceAndWellFormed() {
    for (List<String> bad :
        List.of(List.<String>of(), List.of("a", "b"), List.of(""), List.of("x\ty"))) {
      ProblemException e =
          assertThrows(ProblemException.class, () -> IdempotencyInterceptor.keyOf(bad));
      assertEquals(ProblemType.INVALID_HEADER, e.type());
      assertEquals("Idempotency-Key", e.field());
    }
    assertEquals("k-1", IdempotencyInterceptor.keyOf(List.of("k-1")).value());
  }

  @Test
  void shownOnceSecretsAreLeftOutOfTheStoredCopyAtAnyDepth() {
    String json =
        "{\"id\":\"o\",\"firstApiKey\":{\"id\":\"k\",\"apiKey\":\"pbk_live_secret\"},"
            + "\"list\":[{\"apiKey\":\"x\",\"n\":1}]}";
    String stored = StoredResponses.without(json, Set.of("apiKey"));
    assertEquals("{\"id\":\"o\",\"firstApiKey\":{\"id\":\"k\"},\"list\":[{\"n\":1}]}", stored);
    assertEquals(json, StoredResponses.without(json, Set.of()));
  }
}
