package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console API without a browser, on the real servers: the operator's bootstrap of the first
 * admin, sign-in and its throttle, CSRF, what a viewer is refused, that one organization's console
 * sees nothing of another's, that an API key opens no console call and a console session no API
 * call, sign-out and an expiring session (the tests' servers end sessions after 10 s idle).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleApiIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void ready() {
    api.awaitReadiness();
    Mailbox.start(); // the operator's actions are mailed to the organization's admins
  }

  @Test
  void theOperatorCreatesTheFirstAdminWhosePasswordIsShownOnce() {
    Tenant tenant = Tenant.create(api, "Console Bootstrap Co");
    String key = "first-admin-" + UUID.randomUUID();
    byte[] body =
        ConsoleClient.body("email", "first-" + UUID.randomUUID() + "@acme.example", "role", "admin")
            .getBytes(StandardCharsets.UTF_8);
    Api.Reply first = operator(tenant.id(), body, key);
    assertEquals(201, first.status(), first.body());
    SecretsSeen.addText(first.json().getString("password"));
    assertEquals("admin", first.json().getString("role"));
    assertEquals(tenant.id(), first.json().getString("organizationId"));
    Api.Reply replay = operator(tenant.id(), body, key);
    assertEquals(201, replay.status(), replay.body());
    assertEquals(first.json().getString("id"), replay.json().getString("id"));
    assertFalse(
        replay.json().containsKey("password"), "the password is shown once: " + replay.body());
    assertProblem(
        operator(UUID.randomUUID().toString(), body, "k-" + UUID.randomUUID()), 404, "not-found");
    // The same address cannot be taken twice, in any organization.
    assertProblem(
        operator(Tenant.create(api, "Other Co").id(), body, "k-" + UUID.randomUUID()),
        409,
        "already-exists");
    Api.Reply withoutToken =
        api.send(
            "POST",
            "/api/v1/operator/organizations/" + tenant.id() + "/console-users",
            body,
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "k");
    assertProblem(withoutToken, 401, "unauthenticated");
  }

  @Test
  void anAdminSignsInSeesTheSessionAndSignsOut() {
    Tenant tenant = Tenant.create(api, "Console Session Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient browser = new ConsoleClient();
    assertProblem(browser.get("session"), 401, "unauthenticated");
    assertProblem(browser.signIn(admin.email(), admin.password() + "x"), 401, "sign-in-failed");
    assertProblem(browser.signIn("nobody@acme.example", admin.password()), 401, "sign-in-failed");
    Api.Reply in = browser.signIn(admin.email().toUpperCase(), admin.password());
    assertEquals(200, in.status(), in.body());
    // Browsers keep the last Set-Cookie of a name.
    List<String> cookies =
        in.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    String cookie = cookies.get(cookies.size() - 1);
    assertTrue(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookies.toString());
    assertEquals("no-store", in.header("Cache-Control"));
    JsonObject session = browser.get("session").json();
    assertEquals(admin.email(), session.getString("email"));
    assertEquals("admin", session.getString("role"));
    assertEquals("Console Session Co", session.getString("organizationName"));
    assertEquals(browser.csrfToken(), session.getString("csrfToken"));
    assertEquals(200, browser.get("dashboard").status());

    assertProblem(browser.postWithoutToken("session/sign-out", null), 403, "csrf-rejected");
    assertEquals(204, browser.post("session/sign-out", null).status());
    assertProblem(browser.get("dashboard"), 401, "unauthenticated");
  }

  @Test
  void aChangeWithoutTheCsrfTokenOrFromAnotherOriginIsRefused() {
    Tenant tenant = Tenant.create(api, "Console Csrf Co");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    String label = ConsoleClient.body("label", "forged");
    assertProblem(admin.postWithoutToken("api-keys", label), 403, "csrf-rejected");
    assertProblem(
        admin.send(
            "POST",
            "/api/v1/console/api-keys",
            label,
            false,
            "X-CSRF-Token",
            admin.csrfToken() + "0"),
        403,
        "csrf-rejected");
    assertProblem(
        admin.send(
            "POST", "/api/v1/console/api-keys", label, true, "Origin", "https://evil.example"),
        403,
        "csrf-rejected");
    assertEquals(1, keyLabels(admin).size(), "nothing was created: " + keyLabels(admin));
    Api.Reply made = admin.post("api-keys", ConsoleClient.body("label", "real"));
    assertEquals(201, made.status(), made.body());
    SecretsSeen.addRaw(made.json().getString("apiKey"));
    assertEquals(List.of("initial", "real"), keyLabels(admin));
  }

  @Test
  void anAdminLiftsAPinLockOnceADayAndAViewerCannot() {
    Tenant tenant = Tenant.create(api, "Console Unlock Co");
    PinFlow customer = PinFlow.withPin(tenant, "864200");
    for (int i = 0; i < 5; i++) {
      customer.verify("000000");
    }
    assertProblem(customer.verify("864200"), 423, "locked");
    String path = "customers/" + customer.customerId() + "/pin/unlock";
    ConsoleClient viewer = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "viewer"));
    assertProblem(viewer.post(path, null), 403, "forbidden");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    JsonObject detail = admin.get("customers/" + customer.customerId()).json();
    assertFalse(detail.getJsonObject("pin").isNull("lockedUntil"), detail.toString());

    Api.Reply unlocked = admin.post(path, null);
    assertEquals(200, unlocked.status(), unlocked.body());
    assertEquals("UNLOCKED", unlocked.json().getString("outcome"));
    assertEquals(200, customer.verify("864200").status(), "the right PIN works again at once");

    for (int i = 0; i < 5; i++) {
      customer.verify("000000");
    }
    Api.Reply again = admin.post(path, null);
    assertProblem(again, 409, "unlock-too-soon");
    assertNotNull(again.json().getString("nextUnlockAt"));
    assertProblem(customer.verify("864200"), 423, "locked");
  }

  @Test
  void aViewerSeesEverythingButIsRefusedEveryChange() {
    Tenant tenant = Tenant.create(api, "Console Viewer Co");
    String customerId =
        tenant.createCustomer("v-" + UUID.randomUUID(), "v@acme.example").getString("id");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    Api.Reply added =
        admin.post(
            "users",
            ConsoleClient.body(
                "email", "viewer-" + UUID.randomUUID() + "@acme.example", "role", "viewer"));
    assertEquals(201, added.status(), added.body());
    SecretsSeen.addText(added.json().getString("password"));
    ConsoleClient viewer =
        ConsoleClient.signedIn(
            new ConsoleClient.Credentials(
                added.json().getString("id"),
                added.json().getString("email"),
                added.json().getString("password")));
    for (String path :
        List.of(
            "session",
            "dashboard",
            "customers",
            "customers/" + customerId,
            "customers/" + customerId + "/wallets",
            "activity/sessions",
            "activity/audit",
            "activity/audit/verification",
            "api-keys",
            "keys/frozen",
            "keys/organization",
            "users")) {
      Api.Reply reply = viewer.get(path);
      assertEquals(200, reply.status(), path + ": " + reply.body());
    }
    String keyId = firstKeyId(admin);
    String adminId = admin.get("session").json().getString("userId");
    for (String[] change :
        List.of(
            new String[] {"api-keys", ConsoleClient.body("label", "viewer's")},
            new String[] {"api-keys/" + keyId + "/revoke", null},
            new String[] {"customers/" + customerId + "/disable", null},
            new String[] {"users", ConsoleClient.body("email", "x@acme.example", "role", "admin")},
            new String[] {"users/" + adminId + "/disable", null},
            new String[] {"users/" + adminId + "/role", ConsoleClient.body("role", "viewer")},
            new String[] {
              "keys/organization/" + UUID.randomUUID() + "/refresh",
              ConsoleClient.body("organizationSecret", "x".repeat(43))
            })) {
      assertProblem(viewer.post(change[0], change[1]), 403, "forbidden");
    }
    // Nothing changed: the key works, the customer is active, the admin is still an admin.
    assertEquals(200, tenant.get("/api/v1/customers/" + customerId).status());
    assertEquals(
        "ACTIVE", tenant.get("/api/v1/customers/" + customerId).json().getString("status"));
    assertEquals(List.of("initial"), keyLabels(admin));
    assertEquals(200, admin.get("dashboard").status(), "the admin's session still counts");
    // The viewer's own session and password are theirs to change.
    assertEquals(204, viewer.post("session/sign-out", null).status());
  }

  @Test
  void anotherOrganizationsConsoleSeesNoneOfIt() {
    Tenant acme = Tenant.create(api, "Console Acme");
    Tenant rival = Tenant.create(api, "Console Rival");
    PinFlow customer = PinFlow.withPin(acme, "482100");
    String keyId = customer.key("482100", "secp256k1").getString("id");
    Api.Reply wallet =
        acme.post(
            customer.path("/wallets"),
            "{\"chain\":\"ethereum\",\"index\":0}",
            "w-" + UUID.randomUUID());
    assertEquals(201, wallet.status(), wallet.body());
    String walletId = wallet.json().getString("id");
    ConsoleClient ours = ConsoleClient.signedIn(ConsoleClient.bootstrap(acme, "admin"));
    ConsoleClient theirs = ConsoleClient.signedIn(ConsoleClient.bootstrap(rival, "admin"));

    assertEquals(200, ours.get("customers/" + customer.customerId()).status());
    assertEquals(200, ours.get("wallets/" + walletId + "/qr").status());
    assertTrue(ours.get("wallets/" + walletId + "/qr").body().startsWith("<svg"));
    String acmeKeyId = firstKeyId(ours);
    for (String path :
        List.of(
            "customers/" + customer.customerId(),
            "customers/" + customer.customerId() + "/wallets",
            "wallets/" + walletId,
            "wallets/" + walletId + "/qr")) {
      assertProblem(theirs.get(path), 404, "not-found");
    }
    assertProblem(theirs.post("api-keys/" + acmeKeyId + "/revoke", null), 404, "not-found");
    assertProblem(
        theirs.post("customers/" + customer.customerId() + "/disable", null), 404, "not-found");
    assertProblem(
        theirs.post(
            "keys/organization/" + keyId + "/refresh",
            ConsoleClient.body("organizationSecret", "A".repeat(43))),
        404,
        "not-found");
    assertEquals(0, theirs.get("customers").json().getInt("total"));
    assertEquals(0, theirs.get("customers?q=c-").json().getInt("total"));
    assertEquals(0, theirs.get("activity/sessions").json().getInt("total"));
    assertEquals(0, theirs.get("dashboard").json().getInt("customers"));
    for (JsonValue row : theirs.get("activity/audit").json().getJsonArray("items")) {
      assertFalse(row.toString().contains(customer.customerId()), row.toString());
    }
    // Our own: the customer is found by the start of the external reference, with the key.
    JsonObject found = ours.get("customers?q=C-&size=5").json();
    assertEquals(1, found.getInt("total"), found.toString());
    JsonObject detail = ours.get("customers/" + customer.customerId()).json();
    assertEquals(keyId, detail.getJsonArray("keys").getJsonObject(0).getString("id"));
    assertEquals(1, detail.getJsonObject("walletsByChain").getInt("ethereum"));
    assertTrue(detail.getJsonObject("pin").getBoolean("set"));
    assertEquals(200, ours.get("api-keys").status(), "still fine for the right organization");
  }

  @Test
  void anApiKeyOpensNoConsoleCallAndASessionNoApiCall() {
    Tenant tenant = Tenant.create(api, "Console Boundary Co");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    assertProblem(tenant.get("/api/v1/console/dashboard"), 401, "unauthenticated");
    assertProblem(admin.send("GET", "/api/v1/customers", null, true), 401, "unauthenticated");
  }

  @Test
  void wrongPasswordsLockTheAccountForAWhile() {
    Tenant tenant = Tenant.create(api, "Console Throttle Co");
    // The first admin (made by the operator) signs in to read the audit log; the second is locked.
    ConsoleClient other = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    ConsoleClient.Credentials user = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient browser = new ConsoleClient();
    for (int i = 0; i < 4; i++) {
      assertProblem(browser.signIn(user.email(), "not the password " + i), 401, "sign-in-failed");
    }
    Api.Reply locked = browser.signIn(user.email(), "not the password 5");
    assertProblem(locked, 429, "sign-in-throttled");
    assertNotNull(locked.header("Retry-After"));
    assertProblem(browser.signIn(user.email(), user.password()), 429, "sign-in-throttled");
    // The failures are in the organization's audit chain (seen by another admin of it).
    String audit = other.get("activity/audit?size=50").body();
    assertTrue(audit.contains("WRONG_PASSWORD") && audit.contains("THROTTLED"), audit);
    assertFalse(audit.contains("not the password"), "no password in the audit log");
    assertTrue(other.get("activity/audit/verification").json().getBoolean("ok"));
  }

  @Test
  void aSessionExpiresAfterItsIdleTimeout() throws InterruptedException {
    Tenant tenant = Tenant.create(api, "Console Expiry Co");
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    assertEquals(10, admin.get("session").json().getInt("sessionTimeoutSeconds"));
    Thread.sleep(12_000);
    Api.Reply expired = admin.get("dashboard");
    assertProblem(expired, 401, "unauthenticated");
    assertEquals("SESSION_EXPIRED", expired.json().getString("reason"));
    assertProblem(
        admin.post("api-keys", ConsoleClient.body("label", "late")), 401, "unauthenticated");
  }

  @Test
  void theOpenApiDocumentListsTheConsoleAndTheOperatorsNewCall() {
    Api.Reply reply = api.get("/openapi");
    assertEquals(200, reply.status(), reply.body());
    for (String path :
        List.of(
            "/api/v1/console/session",
            "/api/v1/console/customers/{id}/wallets",
            "/api/v1/console/activity/audit/verification",
            "/api/v1/operator/organizations/{id}/console-users")) {
      assertTrue(reply.body().contains(path), path);
    }
  }

  private Api.Reply operator(String organization, byte[] body, String key) {
    return api.send(
        "POST",
        "/api/v1/operator/organizations/" + organization + "/console-users",
        body,
        "Authorization",
        "Bearer " + Tenant.operatorToken(),
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        key);
  }

  private static List<String> keyLabels(ConsoleClient console) {
    return ConsoleClient.json("{\"k\":" + console.get("api-keys").body() + "}")
        .getJsonArray("k")
        .stream()
        .map(v -> v.asJsonObject().getString("label"))
        .toList();
  }

  private static String firstKeyId(ConsoleClient console) {
    return ConsoleClient.json("{\"k\":" + console.get("api-keys").body() + "}")
        .getJsonArray("k")
        .getJsonObject(0)
        .getString("id");
  }
}
