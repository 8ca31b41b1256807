package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
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
 * The console in headless Chromium on the real servers, as an organization's administrators use it:
 * sign in, the dashboard, a customer made through the API and their wallets, an API key created and
 * revoked, the audit chain verified, sign out; a viewer refused every change; another organization
 * seeing nothing; a session that expires. Screenshots of each page land in
 * target/screenshots/console-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class ConsolePageIT {
  private static final String PIN = "604700";
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A console POST from inside the page, with or without the session's CSRF token. */
  private static final String POST_FROM_PAGE =
      """
      const [path, body, withToken, done] = arguments;
      const headers = {'Content-Type': 'application/json'};
      if (withToken) headers['X-CSRF-Token'] = window.__planbok.csrf();
      fetch('/api/v1/console/' + path, {method: 'POST', headers, body})
        .then(r => r.text().then(t => done(r.status + ' ' + t)));
      """;

  private final Api api = Api.node1();
  private final String node1 = System.getProperty("planbok.it.node1");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void ready() {
    api.awaitReadiness();
  }

  @Test
  void anAdminRunsTheConsole() throws Exception {
    Tenant tenant = Tenant.create(api, "Acme Payments");
    PinFlow customer = PinFlow.withPin(tenant, PIN);
    customer.key(PIN, "secp256k1");
    JsonObject wallet = derive(tenant, customer, "ethereum");
    derive(tenant, customer, "bitcoin");
    String externalRef = tenant.get(customer.path("")).json().getString("externalRef");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      open(browser, "/console/");
      waitForPage(browser, "sign-in");
      browser.screenshot("console-0-sign-in", null);
      signIn(browser, admin);

      waitForPage(browser, "dashboard");
      assertEquals("1", text(browser, "#stat-customers .value"));
      assertEquals("2", text(browser, "#stat-wallets .value"));
      assertEquals("true", browser.byId("node2-status").getAttribute("data-up"));
      assertEquals("Acme Payments", browser.text("org-name"));
      browser.screenshot("console-1-dashboard", null);

      browser.byId("nav-customers").click();
      waitForPage(browser, "customers");
      browser.byId("customer-search").sendKeys(externalRef.substring(0, 8));
      browser.byId("customer-search-go").click();
      // The search re-renders the page: wait for its result (it offers "Clear") before looking.
      wait(browser)
          .until(
              d ->
                  !d.findElements(By.cssSelector("#customer-search-form a")).isEmpty()
                      && "ready".equals(browser.byId("page").getAttribute("data-state")));
      String row = "tr[data-customer-id='" + customer.customerId() + "']";
      assertEquals(1, browser.driver().findElements(By.cssSelector(row)).size());
      browser.screenshot("console-2-customers", null);
      browser.driver().findElement(By.cssSelector(row + " a.customer-link")).click();

      waitForPage(browser, "customer");
      assertEquals(customer.customerId(), browser.text("customer-id"));
      WebElement ethereum =
          browser
              .driver()
              .findElement(By.cssSelector("tr[data-wallet-id='" + wallet.getString("id") + "']"));
      assertEquals(
          wallet.getString("address"), ethereum.findElement(By.cssSelector(".address")).getText());
      assertEquals(2, browser.driver().findElements(By.cssSelector("#wallets tbody tr")).size());
      assertEquals(
          "false",
          browser
              .driver()
              .findElement(By.cssSelector("#customer-keys tbody tr"))
              .getAttribute("data-frozen"));
      browser.screenshot("console-3-customer", null);
      ethereum.findElement(By.cssSelector("button.qr")).click();
      wait(browser)
          .until(
              d ->
                  Boolean.TRUE.equals(
                      browser.script(
                          "const i = document.getElementById('qr-image');"
                              + " return document.getElementById('qr-dialog').open && i.complete"
                              + " && i.naturalWidth > 0")));
      assertEquals(wallet.getString("address"), browser.text("qr-address"));
      browser.screenshot("console-4-wallet-qr", null);
      browser.byId("qr-close").click();

      browser.byId("nav-api-keys").click();
      waitForPage(browser, "api-keys");
      browser.byId("new-key-label").sendKeys("reporting job");
      browser.byId("create-key").click();
      String newKey = wait(browser).until(d -> textOrNull(browser, "new-key-text"));
      SecretsSeen.addRaw(newKey);
      browser.screenshot("console-5-api-key-created", null);
      Tenant withNewKey = tenant.withKey(newKey);
      assertEquals(200, withNewKey.get("/api/v1/customers").status(), "the new key works");
      // The table is reloaded after the key is shown: click its row's button once it is there.
      wait(browser)
          .until(
              d -> {
                apiKeyRow(browser, newKey).findElement(By.cssSelector("button.revoke")).click();
                return true;
              });
      browser.byId("confirm-yes").click();
      wait(browser)
          .until(d -> "true".equals(apiKeyRow(browser, newKey).getAttribute("data-revoked")));
      assertEquals(401, withNewKey.get("/api/v1/customers").status(), "the revoked key is refused");
      browser.screenshot("console-6-api-key-revoked", null);

      browser.byId("nav-sessions").click();
      waitForPage(browser, "sessions");
      assertFalse(browser.driver().findElements(By.cssSelector("#sessions tbody tr")).isEmpty());
      browser.screenshot("console-7-sessions", null);

      browser.byId("nav-keys").click();
      waitForPage(browser, "keys");
      browser.screenshot("console-8-keys", null);

      browser.byId("nav-users").click();
      waitForPage(browser, "users");
      browser.screenshot("console-9-team", null);

      browser.byId("nav-audit").click();
      waitForPage(browser, "audit");
      browser.byId("verify-chain").click();
      wait(browser).until(d -> browser.byId("verify-result").getAttribute("data-ok") != null);
      assertEquals(
          "true",
          browser.byId("verify-result").getAttribute("data-ok"),
          browser.text("verify-result"));
      List<String> actions =
          browser.driver().findElements(By.cssSelector("#audit tbody tr")).stream()
              .map(r -> r.getAttribute("data-action"))
              .toList();
      assertTrue(
          actions.containsAll(
              List.of("api-key.revoke", "api-key.create", "console.sign-in", "key.generate")),
          actions.toString());
      assertTrue(browser.text("audit").contains("console:" + admin.email()));
      browser.screenshot("console-10-audit-verified", null);

      browser.resize(390, 900);
      browser.byId("menu-toggle").click();
      browser.screenshot("console-11-narrow-menu", null);
      browser.byId("nav-dashboard").click();
      waitForPage(browser, "dashboard");
      browser.screenshot("console-12-narrow-dashboard", null);
      browser.resize(1280, 1000);

      browser.byId("sign-out").click();
      waitForPage(browser, "sign-in");
      assertEquals(
          "401",
          String.valueOf(
              browser
                  .driver()
                  .executeAsyncScript(
                      "fetch('/api/v1/console/session').then(r => arguments[0](String(r.status)))")));
      browser.screenshot("console-13-signed-out", null);
    }
  }

  @Test
  void aViewerSeesButCannotChangeAndAForgedChangeIsRefused() throws Exception {
    Tenant tenant = Tenant.create(api, "Viewer Co");
    PinFlow customer = PinFlow.newCustomer(tenant);
    ConsoleClient.Credentials viewer = ConsoleClient.bootstrap(tenant, "viewer");
    ConsoleClient.bootstrap(tenant, "admin");
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      open(browser, "/console/");
      waitForPage(browser, "sign-in");
      signIn(browser, viewer);
      waitForPage(browser, "dashboard");
      assertEquals("viewer", browser.text("role-badge"));

      open(browser, "/console/#/api-keys");
      waitForPage(browser, "api-keys");
      assertTrue(browser.driver().findElements(By.id("create-key")).isEmpty());
      assertTrue(browser.driver().findElements(By.cssSelector("button.revoke")).isEmpty());
      assertFalse(browser.text("viewer-note").isEmpty());
      browser.screenshot("console-20-viewer-api-keys", null);

      // The page would not offer it, but the server refuses it anyway, with the token …
      String refused = postFromPage(browser, "api-keys", "{\"label\":\"sneaky\"}", true);
      assertTrue(refused.startsWith("403 ") && refused.contains("/forbidden"), refused);
      String disable =
          postFromPage(browser, "customers/" + customer.customerId() + "/disable", "{}", true);
      assertTrue(disable.startsWith("403 ") && disable.contains("/forbidden"), disable);
      // … and without the token it is refused before the role is even looked at.
      String forged = postFromPage(browser, "api-keys", "{\"label\":\"forged\"}", false);
      assertTrue(forged.startsWith("403 ") && forged.contains("/csrf-rejected"), forged);
      assertEquals(
          1, tenant.get("/api/v1/api-keys").json().getJsonArray("items").size(), "no key was made");
      assertEquals("ACTIVE", tenant.get(customer.path("")).json().getString("status"));

      open(browser, "/console/#/customers/" + customer.customerId());
      waitForPage(browser, "customer");
      assertTrue(browser.driver().findElements(By.id("disable-customer")).isEmpty());
      browser.screenshot("console-21-viewer-customer", null);
    }
  }

  @Test
  void anAdminAddsAWebhookPingsItAndRedeliversFromTheLog() throws Exception {
    Tenant tenant = Tenant.create(api, "Webhook Page Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    ConsoleClient.Credentials viewer = ConsoleClient.bootstrap(tenant, "viewer");
    try (HeadlessChromium browser = HeadlessChromium.start();
        WebhookReceiver receiver = WebhookReceiver.started()) {
      open(browser, "/console/");
      waitForPage(browser, "sign-in");
      signIn(browser, admin);
      waitForPage(browser, "dashboard");
      browser.byId("nav-webhooks").click();
      waitForPage(browser, "webhooks");
      browser.byId("new-webhook-url").sendKeys(receiver.url());
      browser.byId("new-webhook-description").sendKeys("ledger");
      browser
          .driver()
          .findElement(By.cssSelector("input.webhook-type[value='pin.locked']"))
          .click();
      browser.byId("create-webhook").click();
      wait(browser).until(d -> textOrNull(browser, "new-secret-text") != null);
      String secret = browser.text("new-secret-text");
      assertTrue(secret.startsWith("whsec_"), secret);
      browser.screenshot("console-30-webhook-added", null);

      wait(browser)
          .until(
              d ->
                  !d.findElements(By.cssSelector("#webhook-endpoints button.ping-webhook"))
                      .isEmpty());
      browser
          .driver()
          .findElement(By.cssSelector("#webhook-endpoints button.ping-webhook"))
          .click();
      WebhookReceiver.Request ping = receiver.awaitType("webhook.ping", WAIT);
      assertEquals(
          org.planbok.kit.WebhookVerifier.Verdict.ACCEPTED,
          new org.planbok.kit.WebhookVerifier(secret)
              .verify(ping.header("Planbok-Signature"), ping.body()));

      browser
          .driver()
          .findElement(By.cssSelector("#webhook-endpoints button.show-deliveries"))
          .click();
      wait(browser)
          .until(
              d ->
                  !d.findElements(
                          By.cssSelector("#webhook-delivery-rows tr[data-state='DELIVERED']"))
                      .isEmpty());
      browser.screenshot("console-31-webhook-log", "webhook-deliveries");
      browser
          .driver()
          .findElement(By.cssSelector("#webhook-delivery-rows button.redeliver"))
          .click();
      wait(browser).until(d -> receiver.requests().size() >= 2);
      assertEquals(
          ping.header("Planbok-Event-Id"), receiver.requests().get(1).header("Planbok-Event-Id"));

      browser.byId("sign-out").click();
      waitForPage(browser, "sign-in");
      signIn(browser, viewer);
      waitForPage(browser, "dashboard");
      assertFalse(browser.byId("nav-webhooks").isDisplayed(), "viewers have no webhooks page");
      String refused = postFromPage(browser, "webhooks", "{\"url\":\"https://x.example/\"}", true);
      assertTrue(refused.startsWith("403 ") && refused.contains("/forbidden"), refused);
    }
  }

  @Test
  void anotherOrganizationSeesNoneOfItAndSessionsExpire() throws Exception {
    Tenant acme = Tenant.create(api, "Isolated Acme");
    PinFlow customer = PinFlow.newCustomer(acme);
    Tenant rival = Tenant.create(api, "Isolated Rival");
    ConsoleClient.Credentials theirs = ConsoleClient.bootstrap(rival, "admin");
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      open(browser, "/console/");
      waitForPage(browser, "sign-in");
      signIn(browser, theirs);
      waitForPage(browser, "dashboard");
      assertEquals("0", text(browser, "#stat-customers .value"));

      open(browser, "/console/#/customers");
      waitForPage(browser, "customers");
      assertTrue(browser.text("customers").contains("No customers yet"));
      browser.screenshot("console-30-empty-customers", null);

      open(browser, "/console/#/customers/" + customer.customerId());
      wait(browser).until(d -> "error".equals(browser.byId("page").getAttribute("data-state")));
      assertTrue(browser.text("page").contains("Not found"), browser.text("page"));
      assertFalse(browser.text("page").contains(customer.customerId() + "@"));
      browser.screenshot("console-31-other-organization-not-found", null);

      // The tests' servers end a session after 10 s without a request.
      Thread.sleep(12_000);
      browser.byId("nav-sessions").click();
      waitForPage(browser, "sign-in");
      wait(browser).until(d -> !d.findElements(By.id("sign-in-reason")).isEmpty());
      assertTrue(
          browser.text("sign-in-reason").contains("expired"), browser.text("sign-in-reason"));
      browser.screenshot("console-32-session-expired", null);
    }
  }

  @Test
  void unknownPagesAndPathsAnswerHelpfully() {
    Api.Reply page = api.get("/console/");
    assertEquals(200, page.status());
    String policy = page.header("Content-Security-Policy");
    assertTrue(policy != null && policy.contains("frame-ancestors 'none'"), String.valueOf(policy));
    assertEquals(200, api.get("/console/js/app.js").status());
    Api.Reply unknown = api.get("/api/v1/console/no-such-thing");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.contentType().startsWith("application/problem+json"));
  }

  private JsonObject derive(Tenant tenant, PinFlow customer, String chain) {
    Api.Reply reply =
        tenant.post(
            customer.path("/wallets"),
            "{\"chain\":\"" + chain + "\",\"index\":0}",
            "w-" + UUID.randomUUID());
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private void open(HeadlessChromium browser, String path) {
    browser.driver().get(node1 + path);
  }

  private static void signIn(HeadlessChromium browser, ConsoleClient.Credentials user) {
    browser.byId("email").sendKeys(user.email());
    browser.byId("password").sendKeys(user.password());
    browser.byId("sign-in").click();
  }

  /** Waits, retrying while the page replaces the elements looked at (tables are re-rendered). */
  private static WebDriverWait wait(HeadlessChromium browser) {
    WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void waitForPage(HeadlessChromium browser, String page) {
    wait(browser)
        .until(
            d -> {
              WebElement main = d.findElement(By.id("page"));
              return page.equals(main.getAttribute("data-page"))
                  && "ready".equals(main.getAttribute("data-state"));
            });
  }

  private static String text(HeadlessChromium browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText().strip();
  }

  private static String textOrNull(HeadlessChromium browser, String id) {
    List<WebElement> found = browser.driver().findElements(By.id(id));
    return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0).getText();
  }

  private static WebElement apiKeyRow(HeadlessChromium browser, String keyText) {
    String hex = keyText.substring("pbk_live_".length(), "pbk_live_".length() + 32);
    String id =
        hex.substring(0, 8)
            + "-"
            + hex.substring(8, 12)
            + "-"
            + hex.substring(12, 16)
            + "-"
            + hex.substring(16, 20)
            + "-"
            + hex.substring(20);
    return browser.driver().findElement(By.cssSelector("tr[data-key-id='" + id + "']"));
  }

  private static String postFromPage(
      HeadlessChromium browser, String path, String json, boolean withToken) {
    return String.valueOf(
        browser.driver().executeAsyncScript(POST_FROM_PAGE, path, json, withToken));
  }
}
