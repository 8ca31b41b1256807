package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * Someone holding the installation's operator token (one secret for every organization) tries to
 * take over an organization's console: the token makes only an organization's first admin, later
 * users come from that organization's own admins, and what the token does is mailed to the
 * organization's admins. Before the fix the token added admins to any organization, unseen.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorTokenIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void ready() {
    api.awaitReadiness();
    Mailbox.start();
  }

  @Test
  void theOperatorTokenCannotAddASecondAdminToAnOrganization() {
    Tenant tenant = Tenant.create(api, "Token Holder Target");
    ConsoleClient.Credentials first = ConsoleClient.bootstrap(tenant, "admin");
    String intruder = "intruder-" + UUID.randomUUID() + "@evil.example";
    Api.Reply second = ConsoleClient.operatorMakesAdmin(api, tenant.id(), intruder, "admin");
    assertProblem(second, 409, "admin-exists");
    // Nothing was stored: the organization's team is its first admin alone.
    ConsoleClient admin = ConsoleClient.signedIn(first);
    String team = admin.get("users").body();
    assertTrue(team.contains(first.email()) && !team.contains(intruder), team);
    // Later admins come from the organization's own admins.
    Api.Reply added =
        admin.post(
            "users",
            ConsoleClient.body(
                "email", "second-" + UUID.randomUUID() + "@acme.example", "role", "admin"));
    assertEquals(201, added.status(), added.body());
    SecretsSeen.addText(added.json().getString("password"));
    assertProblem(
        ConsoleClient.operatorMakesAdmin(api, tenant.id(), intruder, "admin"), 409, "admin-exists");
  }

  @Test
  void theOperatorTokenMakesNoViewerEither() {
    Tenant tenant = Tenant.create(api, "Token Holder Viewer Target");
    String email = "viewer-" + UUID.randomUUID() + "@evil.example";
    Api.Reply viewer = ConsoleClient.operatorMakesAdmin(api, tenant.id(), email, "viewer");
    assertProblem(viewer, 403, "forbidden");
    assertEquals("role", viewer.json().getString("field"));
    // Nothing was stored: the first admin can still be made, and the viewer's address is free.
    ConsoleClient.Credentials first = ConsoleClient.bootstrap(tenant, "admin");
    Api.Reply added =
        ConsoleClient.signedIn(first)
            .post("users", ConsoleClient.body("email", email, "role", "viewer"));
    assertEquals(201, added.status(), added.body());
    SecretsSeen.addText(added.json().getString("password"));
  }

  @Test
  void whatTheOperatorTokenDoesIsMailedToTheOrganizationsAdmins() {
    Tenant tenant = Tenant.create(api, "Token Notice Co");
    ConsoleClient.Credentials first = ConsoleClient.bootstrap(tenant, "admin");
    Mailbox.Mail notice = Mailbox.await(first.email(), "the operator acted", 1);
    assertTrue(notice.subject().contains("Token Notice Co"), notice.subject());
    assertTrue(notice.body().contains("first console admin"), notice.body());
    assertTrue(notice.body().contains(first.email()), notice.body());
  }

  @Test
  void badInputIsAClearProblemAndStoresNothing() {
    Tenant tenant = Tenant.create(api, "Token Bad Input Co");
    String path = "/api/v1/operator/organizations/" + tenant.id() + "/console-users";
    Api.Reply noEmail = operator(path, "{\"role\":\"admin\"}");
    assertProblem(noEmail, 400, "invalid-field");
    assertEquals("email", noEmail.json().getString("field"));
    Api.Reply badEmail = operator(path, "{\"email\":\"not an address\",\"role\":\"admin\"}");
    assertProblem(badEmail, 400, "invalid-field");
    assertEquals("email", badEmail.json().getString("field"));
    Api.Reply badRole = operator(path, "{\"email\":\"a@acme.example\",\"role\":\"owner\"}");
    assertProblem(badRole, 400, "invalid-field");
    assertEquals("role", badRole.json().getString("field"));
    assertProblem(
        ConsoleClient.operatorMakesAdmin(
            api, UUID.randomUUID().toString(), "b-" + UUID.randomUUID() + "@acme.example", "admin"),
        404,
        "not-found");
    // None of these stored a user: the organization's first admin is still to be made.
    ConsoleClient.bootstrap(tenant, "admin");
  }

  private Api.Reply operator(String path, String json) {
    return api.send(
        "POST",
        path,
        json.getBytes(StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + Tenant.operatorToken(),
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        "bad-" + UUID.randomUUID());
  }
}
