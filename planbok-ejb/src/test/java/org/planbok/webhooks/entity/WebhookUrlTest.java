package org.planbok.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {
  @Test
  void takesHttpsUrls() {
    assertEquals(
        "https://hooks.acme.example:8443/planbok?x=1",
        WebhookUrl.parse("https://hooks.acme.example:8443/planbok?x=1", false).value());
  }

  @Test
  void takesPlainHttpToALoopbackHostOnlyWhenAllowed() {
    for (String url :
        new String[] {"http://127.0.0.1:9000/h", "http://localhost/h", "http://[::1]:80/h"}) {
      assertEquals(url, WebhookUrl.parse(url, true).value());
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> WebhookUrl.parse(url, false));
      assertTrue(refused.getMessage().contains("allow-http-loopback"), refused.getMessage());
    }
  }

  @Test
  void rejectsPlainHttpElsewhereEvenWhenLoopbackIsAllowed() {
    assertThrows(
        IllegalArgumentException.class, () -> WebhookUrl.parse("http://hooks.example/h", true));
    assertThrows(
        IllegalArgumentException.class, () -> WebhookUrl.parse("http://127.0.0.1.nip.io/h", true));
  }

  @Test
  void rejectsCredentialsInTheUrl() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> WebhookUrl.parse("https://user:pass@hooks.example/h", false));
    assertTrue(refused.getMessage().contains("password"));
  }

  @Test
  void rejectsOtherSchemesRelativeUrlsFragmentsAndGarbage() {
    for (String url :
        new String[] {
          "ftp://hooks.example/h",
          "/relative",
          "https:///nohost",
          "https://hooks.example/h#frag",
          "https://hooks example/h",
          "mailto:a@b.example",
          "",
          "https://" + "a".repeat(2050) + ".example/"
        }) {
      assertThrows(IllegalArgumentException.class, () -> WebhookUrl.parse(url, true), url);
    }
    assertThrows(IllegalArgumentException.class, () -> WebhookUrl.parse(null, true));
  }
}
