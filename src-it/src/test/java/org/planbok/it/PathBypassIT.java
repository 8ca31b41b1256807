package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.planbok.it.SystemApiIT.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stranger (or an organization's backend) adds a path parameter ({@code ;x=1}) to a segment: the
 * resources still match ({@code /api/v1/operator;x=1/…} is the operator's resource), so the filters
 * that decide by path must not be skipped. Before the fix an organization's API key created
 * organizations and another organization's console admin this way, and a cross-site sign-in passed
 * the console's origin checks.
 */
@ExtendWith(ArquillianExtension.class)
class PathBypassIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void ready() {
    api.awaitReadiness();
  }

  @Test
  void anOrganizationKeyCannotCreateOrganizationsThroughAPathParameter() {
    Tenant tenant = Tenant.create(api, "Path Bypass Co");
    Api.Reply reply =
        tenant.post(
            "/api/v1/operator;x=1/organizations",
            ConsoleClient.body("name", "Created By A Customer Key"),
            "bypass-" + UUID.randomUUID());
    assertProblem(reply, 401, "unauthenticated");
  }

  @Test
  void anOrganizationKeyCannotMakeAnotherOrganizationsAdminThroughAPathParameter() {
    Tenant attacker = Tenant.create(api, "Path Bypass Attacker");
    Tenant victim = Tenant.create(api, "Path Bypass Victim");
    String email = "intruder-" + UUID.randomUUID() + "@evil.example";
    Api.Reply reply =
        attacker.post(
            "/api/v1/operator;x=1/organizations/" + victim.id() + "/console-users",
            ConsoleClient.body("email", email, "role", "admin").getBytes(StandardCharsets.UTF_8),
            "bypass-" + UUID.randomUUID());
    assertProblem(reply, 401, "unauthenticated");
    // Nothing was stored: the address can still be signed in with by nobody.
    assertProblem(
        new ConsoleClient().signIn(email, "no password was ever issued"), 401, "sign-in-failed");
  }

  @Test
  void aCrossSiteSignInThroughAPathParameterIsStillRefusedByTheOriginChecks() {
    Tenant tenant = Tenant.create(api, "Path Bypass Sign-in Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient browser = new ConsoleClient();
    Api.Reply reply =
        browser.send(
            "POST",
            "/api/v1/console;x=1/session",
            ConsoleClient.body("email", admin.email(), "password", admin.password()),
            false,
            "Origin",
            "https://evil.example",
            "Sec-Fetch-Site",
            "cross-site");
    assertProblem(reply, 403, "csrf-rejected");
  }

  @Test
  void aSignedInChangeThroughAPathParameterStillNeedsTheCsrfToken() {
    Tenant tenant = Tenant.create(api, "Path Bypass Csrf Co");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    Api.Reply forged =
        admin.send(
            "POST", "/api/v1/console;x=1/api-keys", ConsoleClient.body("label", "forged"), false);
    assertProblem(forged, 403, "csrf-rejected");
    // With its token the same path works as the plain one: the session was read, not skipped.
    Api.Reply withToken =
        admin.send(
            "POST", "/api/v1/console;x=1/api-keys", ConsoleClient.body("label", "fine"), true);
    assertEquals(201, withToken.status(), withToken.body());
  }

  @Test
  void aConsolePathWithAParameterAndNoSessionIsNotServed() {
    assertProblem(api.get("/api/v1/console;x=1/dashboard"), 401, "unauthenticated");
    assertProblem(api.get("/api/v1/console;x=1/session"), 401, "unauthenticated");
    Api.Reply page = api.get("/console;x=1/index.html");
    assertNotEquals(200, page.status(), "the page is served only at its own path: " + page.body());
  }
}
