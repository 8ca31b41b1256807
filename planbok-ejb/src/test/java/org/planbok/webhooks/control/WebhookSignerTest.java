package org.planbok.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  private static final byte[] SECRET = "whsec_planbok-test-secret".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY =
      "{\"id\":\"evt_00000000000000000000000000000001\",\"type\":\"webhook.ping\"}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTheTimestampAndTheBodyAsPythonsHmacDoes() {
    // python3: hmac.new(b'whsec_planbok-test-secret', b'1767225600.' + body, sha256).hexdigest()
    assertEquals(
        "t=1767225600,v1=428d5dfe2d2e9fd72aba0b8519d53b7376e203af203fb0b372bdf8fff9c0a169",
        WebhookSigner.header(List.of(SECRET), 1767225600L, BODY));
  }

  @Test
  void anotherTimestampOrBodyGivesAnotherSignature() {
    String signed = WebhookSigner.header(List.of(SECRET), 1767225600L, BODY);
    assertNotEquals(
        signed.substring(14),
        WebhookSigner.header(List.of(SECRET), 1767225601L, BODY).substring(14));
    byte[] changed = BODY.clone();
    changed[10] ^= 1;
    assertNotEquals(signed, WebhookSigner.header(List.of(SECRET), 1767225600L, changed));
  }

  @Test
  void signsOnceForEachSecretGiven() {
    byte[] other = "whsec_other".getBytes(StandardCharsets.UTF_8);
    String header = WebhookSigner.header(List.of(SECRET, other), 1767225600L, BODY);
    assertTrue(header.startsWith("t=1767225600,v1=428d5dfe"), header);
    assertEquals(3, header.split(",").length);
  }

  @Test
  void newSecretsAreWhsecAnd32RandomBytes() {
    String a = new String(WebhookSigner.newSecret());
    String b = new String(WebhookSigner.newSecret());
    assertTrue(a.matches("whsec_[A-Za-z0-9_-]{43}"), a);
    assertNotEquals(a, b);
  }
}
