package org.planbok.console.boundary;

import java.net.URI;
import java.util.Optional;

/**
 * The console's defence against cross-site request forgery, for every request that may change
 * something (any method but GET, HEAD, OPTIONS):
 *
 * <ol>
 *   <li>a browser's {@code Sec-Fetch-Site} must be {@code same-origin} when it sends one;
 *   <li>an {@code Origin} header must name this server (its authority, compared with {@code Host}:
 *       behind a TLS-terminating proxy the scheme differs, the host does not);
 *   <li>apart from signing in, the request carries the session's token in {@code X-CSRF-Token},
 *       which another site cannot read (it comes in JSON from a same-origin GET, and the session
 *       cookie is {@code SameSite=Strict} as well).
 * </ol>
 *
 * Signing in has no session yet; its JSON body cannot be sent cross-site without a CORS preflight,
 * which this server never answers, and the first two checks apply.
 */
final class CsrfCheck {
  static final String HEADER = "X-CSRF-Token";

  private CsrfCheck() {}

  /** Why the request is refused, or empty when it may go on. */
  static Optional<String> refusal(
      String method,
      String path,
      String host,
      String origin,
      String fetchSite,
      Optional<SignedInUser> session,
      String token) {
    if (ConsolePaths.isSafe(method)) {
      return Optional.empty();
    }
    if (fetchSite != null && !fetchSite.equals("same-origin")) {
      return Optional.of("The request came from another site (Sec-Fetch-Site: " + fetchSite + ").");
    }
    if (origin != null && !sameAuthority(origin, host)) {
      return Optional.of("The request came from another origin.");
    }
    if (ConsolePaths.isSignIn(method, path)) {
      return Optional.empty();
    }
    if (token == null || token.isEmpty()) {
      return Optional.of("The " + HEADER + " header is missing; reload the console.");
    }
    if (session.isEmpty() || !session.get().csrfMatches(token)) {
      return Optional.of(
          "The " + HEADER + " header does not match this session; reload the console.");
    }
    return Optional.empty();
  }

  private static boolean sameAuthority(String origin, String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
