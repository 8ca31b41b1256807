package org.planbok.console.boundary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collection;

/**
 * Makes sure the browser keeps the new session's cookie as {@code HttpOnly; SameSite=Strict} (and
 * {@code Secure} when configured), whatever the container wrote: Payara honours {@code SameSite}
 * from its descriptors only in some versions. When the container's {@code Set-Cookie} lacks an
 * attribute, a second header for the same cookie follows it, and browsers keep the last one.
 */
final class SessionCookie {
  static final String NAME = "JSESSIONID";

  private SessionCookie() {}

  static void harden(HttpServletResponse response, HttpSession session, boolean secure) {
    Collection<String> written = response.getHeaders("Set-Cookie");
    boolean complete =
        written.stream()
            .filter(h -> h.startsWith(NAME + "="))
            .anyMatch(
                h ->
                    h.contains("SameSite=Strict")
                        && h.contains("HttpOnly")
                        && (!secure || h.contains("Secure")));
    if (!complete) {
      response.addHeader("Set-Cookie", header(session.getId(), secure));
    }
  }

  static String header(String sessionId, boolean secure) {
    return NAME
        + "="
        + sessionId
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
