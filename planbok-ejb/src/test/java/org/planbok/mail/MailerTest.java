package org.planbok.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Mail settings: none means no mail at all (refused, never a hang), TLS as configured. */
class MailerTest {
  private static Mailer mailer(String host, String from, String tls, String user) {
    Mailer m = new Mailer();
    m.host = Optional.ofNullable(host);
    m.from = Optional.ofNullable(from);
    m.user = Optional.ofNullable(user);
    m.password = Optional.empty();
    m.port = 587;
    m.tls = tls;
    m.timeoutMillis = 10_000;
    return m;
  }

  @Test
  void withoutHostOrSenderNothingIsSentAndTheRefusalSaysSo() {
    for (Mailer m :
        new Mailer[] {
          mailer(null, "wallets@example.com", "starttls", null),
          mailer("smtp.example.com", null, "starttls", null),
          mailer(" ", "wallets@example.com", "starttls", null)
        }) {
      assertFalse(m.configured());
      MailUnavailable e =
          assertThrows(MailUnavailable.class, () -> m.send(new MailMessage("a@b.c", "s", "b")));
      assertFalse(e.configured());
    }
  }

  @Test
  void startTlsIsRequiredByDefaultAndLoginOnlyWithAUser() {
    Properties p = mailer("smtp.example.com", "w@example.com", "starttls", null).properties();
    assertEquals("true", p.get("mail.smtp.starttls.required"));
    assertEquals("587", p.get("mail.smtp.port"));
    assertNull(p.get("mail.smtp.auth"));
    Properties ssl = mailer("smtp.example.com", "w@example.com", "ssl", "u").properties();
    assertEquals("true", ssl.get("mail.smtp.ssl.enable"));
    assertEquals("true", ssl.get("mail.smtp.auth"));
    assertTrue(mailer("h", "w@example.com", "none", null).configured());
    assertThrows(
        MailUnavailable.class, () -> mailer("h", "w@example.com", "maybe", null).properties());
  }
}
