package org.planbok.webhooks.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where deliveries go: an absolute {@code https} URL with a host, no user name or password in it
 * (they would be stored and shown in clear) and no fragment. Plain {@code http} only to a loopback
 * host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) and only when the installation allows
 * it ({@code planbok.webhooks.allow-http-loopback}, which the test servers set): a delivery over
 * plain http to anywhere else would hand the signed body to every network on the way.
 */
public record WebhookUrl(String value) {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  /** The URL, or {@link IllegalArgumentException} saying what is wrong with it. */
  public static WebhookUrl parse(String text, boolean allowHttpLoopback) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("required: an https URL");
    }
    if (text.length() > WebhookEndpoint.URL) {
      throw new IllegalArgumentException("at most " + WebhookEndpoint.URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("an absolute URL with a host, e.g. https://example.com/x");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must not hold a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must not have a fragment (#…)");
    }
    if (scheme.equals("https")) {
      return new WebhookUrl(text);
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      if (allowHttpLoopback) {
        return new WebhookUrl(text);
      }
      throw new IllegalArgumentException(
          "https only; plain http to a loopback host needs planbok.webhooks.allow-http-loopback");
    }
    throw new IllegalArgumentException("https only");
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }

  public URI uri() {
    return URI.create(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
