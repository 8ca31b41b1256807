package org.planbok.idempotency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSameRequestHasTheSameFingerprint() {
    RequestFingerprint a = RequestFingerprint.of("POST", "/api/v1/customers", utf8("{\"a\":1}"));
    RequestFingerprint b = RequestFingerprint.of("POST", "/api/v1/customers", utf8("{\"a\":1}"));
    assertTrue(a.sameAs(b));
    assertEquals(a, b);
    assertTrue(a.sameAs(RequestFingerprint.ofStored(a.bytes())));
  }

  @Test
  void anyDifferenceInMethodPathQueryOrBodyChangesIt() {
    RequestFingerprint base = RequestFingerprint.of("POST", "/api/v1/customers", utf8("{\"a\":1}"));
    RequestFingerprint[] others = {
      RequestFingerprint.of("PUT", "/api/v1/customers", utf8("{\"a\":1}")),
      RequestFingerprint.of("POST", "/api/v1/customers/", utf8("{\"a\":1}")),
      RequestFingerprint.of("POST", "/api/v1/customers?x=1", utf8("{\"a\":1}")),
      RequestFingerprint.of("POST", "/api/v1/customers", utf8("{\"a\": 1}")),
      RequestFingerprint.of("POST", "/api/v1/customers", new byte[0]),
    };
    for (RequestFingerprint other : others) {
      assertFalse(base.sameAs(other));
      assertNotEquals(base, other);
    }
  }

  @Test
  void partsAreLengthPrefixedSoBoundariesCannotShift() {
    // Without length prefixes these two would hash the same bytes "POST/a" + "b".
    RequestFingerprint a = RequestFingerprint.of("POST", "/a", utf8("b"));
    RequestFingerprint b = RequestFingerprint.of("POST", "/ab", new byte[0]);
    assertFalse(a.sameAs(b));
  }

  @Test
  void keysAreOneTo255PrintableAsciiCharacters() {
    assertTrue(IdempotencyKey.parse("a").isPresent());
    assertTrue(IdempotencyKey.parse("create user-4711 ~!").isPresent());
    assertTrue(IdempotencyKey.parse("k".repeat(255)).isPresent());
    for (String bad :
        new String[] {null, "", "k".repeat(256), "tab\t", "new\nline", "é", "\u007f"}) {
      assertTrue(IdempotencyKey.parse(bad).isEmpty(), String.valueOf(bad));
    }
  }
}
