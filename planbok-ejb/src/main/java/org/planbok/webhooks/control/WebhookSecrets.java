package org.planbok.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.planbok.atrest.AtRest;
import org.planbok.atrest.DatabaseKey;

/**
 * Endpoints' signing secrets at rest: sealed under Node 1's database key ({@link
 * AtRest#WEBHOOK_SECRET}, AES-256-GCM, associated data the endpoint's id), so a copy of the
 * database can neither read a secret nor sign a delivery a receiver would accept, and a sealed
 * secret copied onto another endpoint does not open.
 */
@ApplicationScoped
public class WebhookSecrets {
  @Inject DatabaseKey databaseKey;

  /** For tests: secrets sealed under {@code key}. */
  public static WebhookSecrets with(DatabaseKey key) {
    WebhookSecrets s = new WebhookSecrets();
    s.databaseKey = key;
    return s;
  }

  public byte[] seal(UUID endpoint, char[] secret) {
    byte[] bytes = utf8(secret);
    try {
      return databaseKey.seal(AtRest.WEBHOOK_SECRET, bytes, context(endpoint));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The secret's bytes (the HMAC key); the caller zeroes them. */
  public byte[] open(UUID endpoint, byte[] sealed) {
    return databaseKey.open(AtRest.WEBHOOK_SECRET, sealed, context(endpoint));
  }

  private static byte[] utf8(char[] text) {
    var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return out;
  }

  private static byte[] context(UUID endpoint) {
    return ("webhook-endpoint/" + endpoint).getBytes(StandardCharsets.US_ASCII);
  }
}
