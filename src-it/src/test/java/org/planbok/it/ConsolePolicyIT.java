package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signing policy in the console's API: everyone reads it, an admin puts it in place (the API
 * sees the same policy, and a bad one is a 400 naming the member), a viewer is refused every change
 * and the policy stays as it was.
 */
@ExtendWith(ArquillianExtension.class)
class ConsolePolicyIT {
  private static final String POLICY =
      "{\"policy\":{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"personalSign\":true}}},"
          + "\"expectedVersion\":0}";

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
  void anAdminEditsThePolicyAndAViewerCannot() {
    Tenant tenant = Tenant.create(api, "Console Policy Co " + UUID.randomUUID());
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    ConsoleClient viewer = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "viewer"));

    assertTrue(admin.get("policy").json().isNull("policy"), "no policy yet");

    Api.Reply bad =
        admin.send(
            "PUT", "policy", "{\"policy\":{\"chains\":{\"ethereum\":{\"colour\":1}}}}", true);
    assertEquals(400, bad.status(), bad.body());
    assertEquals("chains.ethereum.colour", bad.json().getString("field"));

    Api.Reply put = admin.send("PUT", "policy", POLICY, true);
    assertEquals(200, put.status(), put.body());
    assertEquals(1, put.json().getInt("version"));
    assertTrue(put.json().getString("updatedBy").startsWith("console:"), put.body());
    JsonObject viaApi = tenant.get("/api/v1/organization/policy").json();
    assertEquals(put.json().getString("hash"), viaApi.getString("hash"));

    assertProblem(viewer.send("PUT", "policy", POLICY, true), 403, "forbidden");
    assertProblem(viewer.send("DELETE", "policy", null, true), 403, "forbidden");
    JsonObject seen = viewer.get("policy").json().getJsonObject("policy");
    assertEquals(1, seen.getInt("version"), "the viewer reads it, unchanged");

    assertEquals(204, admin.send("DELETE", "policy", null, true).status());
    assertProblem(tenant.get("/api/v1/organization/policy"), 404, "not-found");
  }
}
