package org.planbok.console.boundary;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What a console session holds: the user's id and organization, the user's session generation when
 * it was opened (a change of password, role or state makes it stale) and the session's CSRF token.
 * Nothing secret about the user: the password never reaches the session.
 */
record SignedInUser(String userId, String organizationId, int generation, String csrfToken)
    implements Serializable {
  static final String ATTRIBUTE = "planbok.console.user";

  static Optional<SignedInUser> of(HttpSession session) {
    if (session == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((SignedInUser) session.getAttribute(ATTRIBUTE));
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
  }

  void storeIn(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }

  /** Whether {@code presented} is this session's CSRF token, in constant time. */
  boolean csrfMatches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            csrfToken.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "SignedInUser[" + userId + "]";
  }
}
