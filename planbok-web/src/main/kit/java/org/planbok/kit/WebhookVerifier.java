package org.planbok.kit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Planbok webhooks, the receiver's side: checks a delivery's {@code Planbok-Signature} and refuses
 * replays. Only the JDK; copy it.
 *
 * <ol>
 *   <li>{@code Planbok-Signature: t=<unix seconds>,v1=<hex>} (possibly several {@code v1}): the
 *       delivery is genuine when one {@code v1} equals {@code HMAC-SHA256(key = the endpoint's
 *       secret "whsec_…" as UTF-8, message = t + "." + the raw body)}, compared in constant time.
 *       Verify the raw bytes you received, before any JSON parsing.
 *   <li>{@code t} must be within {@code tolerance} (default 5 minutes) of your clock: an old
 *       delivery captured on the way cannot be sent again later.
 *   <li>The event id is read from the signed body (Planbok writes {@code "id"} first) and must not
 *       have been seen within the tolerance: a copy sent again within those minutes is a {@link
 *       Verdict#DUPLICATE}. Planbok itself sends an event again after a failed attempt or on a
 *       manual redelivery, with a fresh {@code t} and the same id: answer 2xx to a duplicate and do
 *       nothing. A receiver with several instances keeps seen ids in its database instead (a unique
 *       key on the id), for at least the tolerance.
 * </ol>
 *
 * <pre>
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("PLANBOK_WEBHOOK_SECRET"));
 * WebhookVerifier.Verdict v = verifier.verify(request.header("Planbok-Signature"), rawBody);
 * if (v == Verdict.ACCEPTED) { handle(rawBody); }
 * respond(v.acknowledge() ? 200 : 400);
 * </pre>
 */
public final class WebhookVerifier {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"(evt_[0-9a-f]{32})\"");

  /** What to do with a delivery. */
  public enum Verdict {
    /** Genuine, fresh and new: act on it, then answer 2xx. */
    ACCEPTED,
    /** Genuine and fresh, but its event was seen already: answer 2xx, do nothing. */
    DUPLICATE,
    /** No usable signature header or event id. */
    MALFORMED,
    /** No v1 matches: not from Planbok, or the body was changed. */
    BAD_SIGNATURE,
    /** Signed too long ago (or too far ahead): a replay, or a badly wrong clock. */
    STALE;

    /** Whether to answer 2xx (Planbok retries anything else). */
    public boolean acknowledge() {
      return this == ACCEPTED || this == DUPLICATE;
    }
  }

  private final byte[] key;
  private final Duration tolerance;
  private final Clock clock;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  public WebhookVerifier(String secret) {
    this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
    if (secret == null || !secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("the endpoint's secret starts with whsec_");
    }
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** Checks one delivery: the {@code Planbok-Signature} header and the raw body. */
  public synchronized Verdict verify(String signatureHeader, byte[] body) {
    if (signatureHeader == null || body == null) {
      return Verdict.MALFORMED;
    }
    long t = -1;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : signatureHeader.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        return Verdict.MALFORMED;
      }
      try {
        if (kv[0].equals("t")) {
          t = Long.parseLong(kv[1]);
        } else if (kv[0].equals("v1")) {
          signatures.add(HexFormat.of().parseHex(kv[1]));
        }
      } catch (IllegalArgumentException e) {
        return Verdict.MALFORMED;
      }
    }
    Matcher id = ID.matcher(new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8));
    if (t < 0 || signatures.isEmpty() || !id.find()) {
      return Verdict.MALFORMED;
    }
    Instant now = clock.instant();
    Instant signedAt = Instant.ofEpochSecond(t);
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return Verdict.STALE;
    }
    byte[] expected = hmac(t, body);
    boolean match = false;
    for (byte[] signature : signatures) {
      match |= MessageDigest.isEqual(expected, signature);
    }
    if (!match) {
      return Verdict.BAD_SIGNATURE;
    }
    seen.values().removeIf(until -> until.isBefore(now));
    if (seen.containsKey(id.group(1))) {
      return Verdict.DUPLICATE;
    }
    // Kept as long as a copy of this delivery could still pass the timestamp check.
    seen.put(id.group(1), signedAt.plus(tolerance));
    return Verdict.ACCEPTED;
  }

  private byte[] hmac(long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
