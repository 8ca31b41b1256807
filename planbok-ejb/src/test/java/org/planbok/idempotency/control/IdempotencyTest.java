package org.planbok.idempotency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.planbok.atrest.DatabaseKey;

class IdempotencyTest {
  private static final DatabaseKey KEY = DatabaseKey.of(new byte[32]);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSameRequestHasTheSameFingerprint() {
    RequestFingerprint a =
        RequestFingerprint.of(KEY, "POST", "/api/v1/customers", utf8("{\"a\":1}"));
    RequestFingerprint b =
        RequestFingerprint.of(KEY, "POST", "/api/v1/customers", utf8("{\"a\":1}"));
    assertTrue(a.sameAs(b));
    assertEquals(a, b);
    assertTrue(a.sameAs(RequestFingerprint.ofStored(a.bytes())));
  }

  @Test
  void anyDifferenceInMethodPathQueryOrBodyChangesIt() {
    RequestFingerprint base =
        RequestFingerprint.of(KEY, "POST", "/api/v1/customers", utf8("{\"a\":1}"));
    RequestFingerprint[] others = {
      RequestFingerprint.of(KEY, "PUT", "/api/v1/customers", utf8("{\"a\":1}")),
      RequestFingerprint.of(KEY, "POST", "/api/v1/customers/", utf8("{\"a\":1}")),
      RequestFingerprint.of(KEY, "POST", "/api/v1/customers?x=1", utf8("{\"a\":1}")),
      RequestFingerprint.of(KEY, "POST", "/api/v1/customers", utf8("{\"a\": 1}")),
      RequestFingerprint.of(KEY, "POST", "/api/v1/customers", new byte[0]),
    };
    for (RequestFingerprint other : others) {
      assertFalse(base.sameAs(other));
      assertNotEquals(base, other);
    }
  }

  @Test
  void partsAreLengthPrefixedSoBoundariesCannotShift() {
    // Without length prefixes these two would hash the same bytes "POST/a" + "b".
    RequestFingerprint a = RequestFingerprint.of(KEY, "POST", "/a", utf8("b"));
    RequestFingerprint b = RequestFingerprint.of(KEY, "POST", "/ab", new byte[0]);
    assertFalse(a.sameAs(b));
  }

  @Test
  void aFingerprintIsKeyedSoACopyOfTheDatabaseCannotRecomputeIt() throws Exception {
    byte[] body = utf8("{\"encryptedSecret\":\"AAAA\"}");
    RequestFingerprint stored = RequestFingerprint.of(KEY, "POST", "/api/v1/x", body);
    byte[] other = new byte[32];
    other[31] = 1;
    assertFalse(
        stored.sameAs(RequestFingerprint.of(DatabaseKey.of(other), "POST", "/api/v1/x", body)));
    // The unkeyed hash the first version stored, over the same parts: no longer what is kept.
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update(utf8("planbok/idempotency/request/v1"));
    for (byte[] part : new byte[][] {utf8("POST"), utf8("/api/v1/x"), body}) {
      sha.update(new byte[] {0, 0, 0, (byte) part.length});
      sha.update(part);
    }
    assertFalse(java.util.Arrays.equals(sha.digest(), stored.bytes()));
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
