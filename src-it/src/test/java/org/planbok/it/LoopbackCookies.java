package org.planbok.it;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A browser's cookie jar for the one site the tests talk to, on loopback. Browsers treat
 * http://127.0.0.1 as a potentially trustworthy origin and send it {@code Secure} cookies;
 * java.net.CookieManager sends them over https only, and the console's cookie is {@code Secure} by
 * default. The last {@code Set-Cookie} of a name wins, as in a browser.
 */
final class LoopbackCookies extends CookieHandler {
  private final Map<String, String> cookies = new LinkedHashMap<>();

  @Override
  public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
    if (cookies.isEmpty()) {
      return Map.of();
    }
    StringBuilder cookie = new StringBuilder();
    cookies.forEach(
        (name, value) ->
            cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return Map.of("Cookie", List.of(cookie.toString()));
  }

  @Override
  public synchronized void put(URI uri, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) -> {
          if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
            values.forEach(this::keep);
          }
        });
  }

  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = pair.substring(0, equals).strip();
    String attributes = setCookie.toLowerCase(Locale.ROOT);
    if (attributes.contains("max-age=0") || attributes.contains("expires=thu, 01-jan-1970")) {
      cookies.remove(name);
    } else {
      cookies.put(name, pair.substring(equals + 1).strip());
    }
  }
}
