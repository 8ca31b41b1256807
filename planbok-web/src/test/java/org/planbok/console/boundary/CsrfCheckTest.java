package org.planbok.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrfCheckTest {
  private static final String HOST = "console.acme.example:8080";
  private static final SignedInUser SESSION =
      new SignedInUser("u", "o", 0, "Zm9vYmFyLXRva2VuLXNlY3JldC1vZi10aGlzLXNlc3Npb24");

  private static Optional<String> check(
      String method, String path, String origin, String site, String token) {
    return CsrfCheck.refusal(method, path, HOST, origin, site, Optional.of(SESSION), token);
  }

  @Test
  void readingNeedsNoToken() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertEquals(Optional.empty(), check(method, "console/customers", null, "cross-site", null));
    }
  }

  @Test
  void aChangeWithTheSessionsTokenFromThisOriginGoesThrough() {
    assertEquals(
        Optional.empty(),
        check(
            "POST",
            "console/api-keys",
            "http://console.acme.example:8080",
            "same-origin",
            SESSION.csrfToken()));
    assertEquals(Optional.empty(), check("DELETE", "console/x", null, null, SESSION.csrfToken()));
  }

  @Test
  void rejectsAChangeWithoutTheToken() {
    assertTrue(check("POST", "console/api-keys", null, "same-origin", null).isPresent());
    assertTrue(check("POST", "console/api-keys", null, null, "").isPresent());
  }

  @Test
  void rejectsAnotherSessionsToken() {
    assertTrue(
        check("POST", "console/api-keys", null, null, SESSION.csrfToken() + "x").isPresent());
    assertTrue(check("POST", "console/api-keys", null, null, "Zm9v").isPresent());
  }

  @Test
  void rejectsATokenWithoutASession() {
    assertTrue(
        CsrfCheck.refusal(
                "POST",
                "console/session/sign-out",
                HOST,
                null,
                null,
                Optional.empty(),
                SESSION.csrfToken())
            .isPresent());
  }

  @Test
  void rejectsAnotherSiteEvenWithTheToken() {
    assertTrue(
        check("POST", "console/api-keys", "https://evil.example", null, SESSION.csrfToken())
            .isPresent());
    assertTrue(check("POST", "console/api-keys", "null", null, SESSION.csrfToken()).isPresent());
    assertTrue(
        check("POST", "console/api-keys", null, "cross-site", SESSION.csrfToken()).isPresent());
    assertTrue(
        check("POST", "console/api-keys", null, "same-site", SESSION.csrfToken()).isPresent());
  }

  @Test
  void signingInNeedsNoTokenButTheSameOrigin() {
    assertEquals(Optional.empty(), check("POST", "console/session", null, "same-origin", null));
    assertEquals(
        Optional.empty(),
        check("POST", "/console/session/", "http://console.acme.example:8080", null, null));
    assertTrue(check("POST", "console/session", "https://evil.example", null, null).isPresent());
    assertTrue(check("POST", "console/session", null, "cross-site", null).isPresent());
    // Signing out is a change like any other.
    assertTrue(check("POST", "console/session/sign-out", null, null, null).isPresent());
  }

  @Test
  void theConsolesPathsAreTheConsoles() {
    assertTrue(ConsolePaths.isConsole("console/session"));
    assertTrue(ConsolePaths.isConsole("/console"));
    assertTrue(!ConsolePaths.isConsole("consoles") && !ConsolePaths.isConsole("customers"));
    assertTrue(ConsolePaths.isSignIn("POST", "console/session"));
    assertTrue(!ConsolePaths.isSignIn("GET", "console/session"));
    assertTrue(!ConsolePaths.isSignIn("POST", "console/session/sign-out"));
  }

  @Test
  void aPathParameterDoesNotTakeARequestPastTheSessionAndCsrfChecks() {
    assertTrue(ConsolePaths.isConsole("console;x=1/api-keys"));
    assertTrue(ConsolePaths.isConsole("/console;jsessionid=1/users/2/disable"));
    assertTrue(ConsolePaths.isConsoleApi("/api/v1/console;x=1/dashboard"));
    assertTrue(ConsolePaths.isConsoleApi("/api;a/v1/console/dashboard"));
    assertTrue(ConsolePaths.isSignIn("POST", "console;x=1/session;y=2"));
    // The session check runs on every console path but signing in itself.
    assertTrue(!ConsolePaths.isSignIn("POST", "console;x=1/session/sign-out"));
  }
}
