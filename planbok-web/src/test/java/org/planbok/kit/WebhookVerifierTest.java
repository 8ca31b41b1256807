package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.kit.WebhookVerifier.Verdict;
import org.planbok.webhooks.control.WebhookSigner;

/** The receiver's check from docs/webhooks.md against what Node 1's signer sends. */
class WebhookVerifierTest {
  private static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
  private static final Instant NOW = Instant.parse("2026-12-05T21:00:00Z");
  private static final byte[] BODY =
      ("{\"id\":\"evt_0123456789abcdef0123456789abcdef\",\"type\":\"key.created\","
              + "\"createdAt\":\"2026-12-05T20:59:59Z\",\"organizationId\":\"o\",\"data\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  private final WebhookVerifier verifier =
      new WebhookVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

  private static String signed(String secret, Instant at, byte[] body) {
    return WebhookSigner.header(
        List.of(secret.getBytes(StandardCharsets.UTF_8)), at.getEpochSecond(), body);
  }

  @Test
  void acceptsWhatPlanbokSignsThenCallsTheSameEventADuplicate() {
    assertEquals(Verdict.ACCEPTED, verifier.verify(signed(SECRET, NOW, BODY), BODY));
    Verdict again = verifier.verify(signed(SECRET, NOW.plusSeconds(30), BODY), BODY);
    assertEquals(Verdict.DUPLICATE, again, "a retry or a replay within the window");
    assertTrue(again.acknowledge(), "answered 2xx, not acted on");
  }

  @Test
  void rejectsATamperedBody() {
    byte[] tampered =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("key.created", "key.frozen")
            .getBytes(StandardCharsets.UTF_8);
    Verdict v = verifier.verify(signed(SECRET, NOW, BODY), tampered);
    assertEquals(Verdict.BAD_SIGNATURE, v);
    assertFalse(v.acknowledge());
  }

  @Test
  void rejectsAnotherSecretsSignature() {
    assertEquals(
        Verdict.BAD_SIGNATURE, verifier.verify(signed("whsec_someone-else", NOW, BODY), BODY));
  }

  @Test
  void rejectsAnOldTimestampEvenWhenItsSignatureIsGood() {
    assertEquals(Verdict.STALE, verifier.verify(signed(SECRET, NOW.minusSeconds(301), BODY), BODY));
    assertEquals(Verdict.STALE, verifier.verify(signed(SECRET, NOW.plusSeconds(301), BODY), BODY));
    assertEquals(
        Verdict.ACCEPTED, verifier.verify(signed(SECRET, NOW.minusSeconds(299), BODY), BODY));
  }

  @Test
  void rejectsAnAlteredTimestamp() {
    String header = signed(SECRET, NOW.minusSeconds(600), BODY);
    String moved =
        header.replace("t=" + NOW.minusSeconds(600).getEpochSecond(), "t=" + NOW.getEpochSecond());
    assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(moved, BODY));
  }

  @Test
  void acceptsWhenAnyOfSeveralSignaturesMatches() {
    String both =
        WebhookSigner.header(
            List.of(
                "whsec_old".getBytes(StandardCharsets.UTF_8),
                SECRET.getBytes(StandardCharsets.UTF_8)),
            NOW.getEpochSecond(),
            BODY);
    assertEquals(Verdict.ACCEPTED, verifier.verify(both, BODY));
  }

  @Test
  void rejectsMalformedHeadersAndBodiesWithoutAnId() {
    assertEquals(Verdict.MALFORMED, verifier.verify(null, BODY));
    assertEquals(Verdict.MALFORMED, verifier.verify("v1=00", BODY));
    assertEquals(Verdict.MALFORMED, verifier.verify("t=1,v1=zz", BODY));
    assertEquals(Verdict.MALFORMED, verifier.verify("garbage", BODY));
    byte[] noId = "{\"type\":\"key.created\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(Verdict.MALFORMED, verifier.verify(signed(SECRET, NOW, noId), noId));
  }

  @Test
  void wantsTheEndpointsSecret() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier("not-a-secret"));
  }
}
