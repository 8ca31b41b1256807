package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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
  void anAdminEditsThePolicyAndAViewerCannot() throws InterruptedException {
    Tenant tenant = Tenant.create(api, "Console Policy Co " + UUID.randomUUID());
    ConsoleClient admin = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "admin"));
    ConsoleClient viewer = ConsoleClient.signedIn(ConsoleClient.bootstrap(tenant, "viewer"));

    assertTrue(admin.get("policy").json().isNull("policy"), "no policy yet");

    Api.Reply bad =
        admin.send(
            "PUT",
            "/api/v1/console/policy",
            "{\"policy\":{\"chains\":{\"ethereum\":{\"colour\":1}}}}",
            true);
    assertEquals(400, bad.status(), bad.body());
    assertEquals("chains.ethereum.colour", bad.json().getString("field"));

    Api.Reply put = admin.send("PUT", "/api/v1/console/policy", POLICY, true);
    assertEquals(200, put.status(), put.body());
    assertEquals(1, put.json().getInt("version"));
    assertTrue(put.json().getString("updatedBy").startsWith("console:"), put.body());
    JsonObject viaApi = tenant.get("/api/v1/organization/policy").json();
    assertEquals(put.json().getString("hash"), viaApi.getString("hash"));

    assertProblem(viewer.send("PUT", "/api/v1/console/policy", POLICY, true), 403, "forbidden");
    assertProblem(viewer.send("DELETE", "/api/v1/console/policy", null, true), 403, "forbidden");
    JsonObject seen = viewer.get("policy").json().getJsonObject("policy");
    assertEquals(1, seen.getInt("version"), "the viewer reads it, unchanged");

    // Every decision is in the organization's audit chain, allowed and refused alike.
    PinFlow customer = PinFlow.withPin(tenant, "864209");
    assertEquals(201, customer.generateKeys("864209", "secp256k1").status());
    Api.Reply wallet =
        tenant.post(
            customer.path("/wallets"),
            "{\"chain\":\"ethereum\",\"index\":0}",
            "w-" + UUID.randomUUID());
    String signatures = customer.path("/wallets/" + wallet.json().getString("id") + "/signatures");
    String secret = customer.secret("864209");
    assertEquals(
        200,
        tenant
            .post(
                signatures,
                "{\"type\":\"personal_sign\",\"message\":\"hi\",\"encryptedSecret\":\""
                    + secret
                    + "\"}",
                "s-" + UUID.randomUUID())
            .status());
    PoliciesIT.assertRefused(
        tenant.post(
            signatures,
            "{\"type\":\"digest\",\"digest\":\""
                + "ab".repeat(32)
                + "\",\"encryptedSecret\":\""
                + secret
                + "\"}",
            "s-" + UUID.randomUUID()),
        "rawDigest",
        "digest");
    String audit = "";
    for (int i = 0; i < 50 && !(audit.contains("ALLOWED") && audit.contains("REFUSED")); i++) {
      Thread.sleep(100); // decisions are appended detached, just after the answer
      audit = admin.get("activity/audit?size=50").body();
    }
    assertTrue(audit.contains("policy.decision"), audit);
    assertTrue(audit.contains("ALLOWED") && audit.contains("REFUSED"), audit);
    assertTrue(audit.contains("rule rawDigest, field digest"), audit);
    assertTrue(audit.contains("policy.replace"), audit);
    assertTrue(admin.get("activity/audit/verification").json().getBoolean("ok"));

    assertEquals(204, admin.send("DELETE", "/api/v1/console/policy", null, true).status());
    assertProblem(tenant.get("/api/v1/organization/policy"), 404, "not-found");
  }

  /**
   * The Policy page in headless Chromium: an admin saves a policy typed as JSON (a bad one shows
   * the member's name), the API sees it; a viewer sees it read-only with no way to change it.
   */
  @Test
  void thePolicyPageLetsAnAdminEditAndShowsAViewerTheVersionOnly() throws Exception {
    Tenant tenant = Tenant.create(api, "Console Policy Page Co " + UUID.randomUUID());
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient.Credentials viewer = ConsoleClient.bootstrap(tenant, "viewer");
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      openPolicyPage(browser, admin);
      assertTrue(browser.text("policy-summary").startsWith("No policy"));
      WebElement editor = browser.byId("policy-json");
      editor.clear();
      editor.sendKeys("{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"colour\":1}}}");
      browser.byId("save-policy").click();
      wait(browser).until(d -> !browser.byId("policy-error").getText().isEmpty());
      assertTrue(browser.text("policy-error").startsWith("chains.ethereum.colour"));

      editor = browser.byId("policy-json");
      editor.clear();
      editor.sendKeys("{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"personalSign\":true}}}");
      browser.byId("save-policy").click();
      wait(browser)
          .until(
              d ->
                  browser.driver().findElements(By.id("policy-summary")).size() == 1
                      && browser.text("policy-summary").contains("version 1"));
      browser.screenshot("console-policy-admin", null);
      assertEquals(1, tenant.get("/api/v1/organization/policy").json().getInt("version"));
    }
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      openPolicyPage(browser, viewer);
      assertTrue(browser.text("policy-summary").contains("version 1"));
      assertEquals("true", browser.byId("policy-json").getAttribute("readonly"));
      assertTrue(browser.driver().findElements(By.id("save-policy")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("remove-policy")).isEmpty());
      browser.screenshot("console-policy-viewer", null);
    }
  }

  private void openPolicyPage(HeadlessChromium browser, ConsoleClient.Credentials user) {
    browser.driver().get(System.getProperty("planbok.it.node1") + "/console/");
    wait(browser).until(d -> !d.findElements(By.id("email")).isEmpty());
    browser.byId("email").sendKeys(user.email());
    browser.byId("password").sendKeys(user.password());
    browser.byId("sign-in").click();
    wait(browser)
        .until(
            d ->
                !d.findElements(By.id("nav-policy")).isEmpty()
                    && d.findElement(By.id("nav-policy")).isDisplayed());
    browser.byId("nav-policy").click();
    wait(browser)
        .until(
            d -> {
              WebElement main = d.findElement(By.id("page"));
              return "policy".equals(main.getAttribute("data-page"))
                  && "ready".equals(main.getAttribute("data-state"));
            });
  }

  private static WebDriverWait wait(HeadlessChromium browser) {
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
