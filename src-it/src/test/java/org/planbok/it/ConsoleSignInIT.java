package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbok.it.SystemApiIT.assertProblem;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stranger who knows an admin's address tries to keep them out of the console by failing to sign
 * in as them, and tries many accounts from one address. The tests' servers stand as behind a
 * reverse proxy that names the client in X-Forwarded-For (src-it/pom.xml). Before the fix five
 * wrong passwords locked the account for everyone, its owner included.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSignInIT {
  private static final String STRANGER = "203.0.113.66";
  private static final String ADMIN = "198.51.100.20";

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
  void aStrangerCannotLockAnAdminOut() {
    Tenant tenant = Tenant.create(api, "Lockout Target Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient stranger = new ConsoleClient();
    for (int i = 0; i < 8; i++) {
      stranger.signIn(admin.email(), "a guess " + i, STRANGER);
    }
    // The stranger is slowed down, even with the right password …
    assertProblem(
        stranger.signIn(admin.email(), admin.password(), STRANGER), 429, "sign-in-throttled");
    // … while the admin, at their own address, signs in.
    Api.Reply in = new ConsoleClient().signIn(admin.email(), admin.password(), ADMIN);
    assertEquals(200, in.status(), in.body());
  }

  @Test
  void oneClientIsSlowedDownAcrossAccounts() {
    String client = "203.0.113." + (100 + (int) (Math.random() * 100));
    ConsoleClient sprayer = new ConsoleClient();
    int refused = 0;
    Api.Reply last = null;
    for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
      last =
          sprayer.signIn("someone-" + UUID.randomUUID() + "@acme.example", "Summer2026!!", client);
      refused++;
    }
    assertProblem(last, 429, "sign-in-throttled");
    assertEquals(20, refused, "the twentieth wrong sign-in from one client pauses it");
    // Even a real account's right password waits: the pause is the client's.
    Tenant tenant = Tenant.create(api, "Spray Target Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    assertProblem(
        sprayer.signIn(admin.email(), admin.password(), client), 429, "sign-in-throttled");
  }
}
