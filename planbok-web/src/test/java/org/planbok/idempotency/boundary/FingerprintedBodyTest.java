package org.planbok.idempotency.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.planbok.atrest.DatabaseKey;
import org.planbok.idempotency.control.RequestFingerprint;

class FingerprintedBodyTest {
  private static final DatabaseKey KEY = DatabaseKey.of(new byte[32]);
  private static final String PIN = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK";

  @Test
  void leavesEverySecretMemberOutOfWhatIsFingerprinted() {
    String body =
        "{\"encryptedSecret\":\""
            + PIN
            + "\",\"newEncryptedSecret\":\"n\",\"answersSecret\":\"a\",\"recoveryKit\":\"k\","
            + "\"code\":\"123456\",\"password\":\"p\",\"newPassword\":\"q\",\"curves\":[\"ed25519\"]}";
    String kept = text(FingerprintedBody.of(utf8(body)));
    assertEquals("{\"curves\":[\"ed25519\"]}", kept);
    for (String secret : new String[] {PIN, "123456", "recoveryKit", "answersSecret"}) {
      assertFalse(kept.contains(secret), secret);
    }
  }

  @Test
  void aPinGuessCannotBeTestedAgainstTheFingerprint() {
    byte[] right = utf8("{\"encryptedSecret\":\"" + PIN + "\",\"digest\":\"00\"}");
    byte[] guess = utf8("{\"encryptedSecret\":\"" + "A".repeat(43) + "\",\"digest\":\"00\"}");
    assertEquals(
        fingerprint(right), fingerprint(guess), "the secret does not enter the fingerprint at all");
  }

  @Test
  void everythingElseStillTellsRequestsApart() {
    RequestFingerprint a = fingerprint(utf8("{\"encryptedSecret\":\"x\",\"digest\":\"00\"}"));
    assertNotEquals(a, fingerprint(utf8("{\"encryptedSecret\":\"x\",\"digest\":\"01\"}")));
    assertNotEquals(a, fingerprint(utf8("{\"digest\":\"00\",\"path\":\"m/0\"}")));
    assertNotEquals(a, fingerprint(new byte[0]));
  }

  @Test
  void aSecretNameInsideSignedDataIsDataAndStaysCovered() {
    String typed = "{\"type\":\"typed_data\",\"typedData\":{\"message\":{\"code\":\"%s\"}}}";
    assertNotEquals(
        fingerprint(utf8(String.format(typed, "1"))), fingerprint(utf8(String.format(typed, "2"))));
    assertTrue(text(FingerprintedBody.of(utf8(String.format(typed, "1")))).contains("\"code\""));
  }

  @Test
  void whiteSpaceNoLongerMakesAnotherRequest() {
    assertEquals(fingerprint(utf8("{\"a\": 1}")), fingerprint(utf8("{\"a\":1}")));
    assertNotEquals(fingerprint(utf8("{\"a\":1,\"b\":2}")), fingerprint(utf8("{\"b\":2,\"a\":1}")));
  }

  private static RequestFingerprint fingerprint(byte[] body) {
    return RequestFingerprint.of(KEY, "POST", "/api/v1/x", FingerprintedBody.of(body));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
