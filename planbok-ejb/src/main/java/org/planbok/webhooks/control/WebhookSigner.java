package org.planbok.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries: {@code Planbok-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "."
 * + body)>}. The HMAC key is the endpoint's secret text as given to the organization ({@code
 * whsec_…}, its UTF-8 bytes), so a receiver in any language needs nothing but the string. The
 * timestamp is signed with the body, so a receiver that refuses old timestamps and remembers the
 * event ids it saw within that window refuses replays (docs/webhooks.md shows how).
 */
public final class WebhookSigner {
  public static final String HEADER = "Planbok-Signature";
  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** A new secret: {@code whsec_} and 32 random bytes in unpadded base64url. */
  public static char[] newSecret() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String text = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    java.util.Arrays.fill(random, (byte) 0);
    return text.toCharArray();
  }

  /** The header's value for {@code body} sent at {@code unixSeconds}, one v1 per secret. */
  public static String header(List<byte[]> secrets, long unixSeconds, byte[] body) {
    StringBuilder out = new StringBuilder("t=").append(unixSeconds);
    for (byte[] secret : secrets) {
      out.append(",v1=").append(HexFormat.of().formatHex(mac(secret, unixSeconds, body)));
    }
    return out.toString();
  }

  static byte[] mac(byte[] secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
