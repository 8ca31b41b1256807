package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planbok.kit.PinSecret;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The demo page (/demo/) in headless Chromium on the real servers: a new organization's key is
 * pasted, then the page creates a customer, derives the PIN's secret with the browser kit, sets the
 * PIN up, generates keys, derives an Ethereum wallet, signs a personal message and exports the key
 * (v2: the PIN asked again, Node 2's export key pinned, the authorization sealed on the page, both
 * sealed parts opened and added on the page) to a device key it made. web3j checks the results
 * independently; the page's own fetch calls are recorded to show that neither the PIN nor the
 * exported key ever crossed the network in clear.
 */
@ExtendWith(ArquillianExtension.class)
class DemoPageIT {
  private static final String PIN = "73915508";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

  /** Wraps the page's fetch to keep every request (URL and body) and response body it made. */
  private static final String RECORD_FETCH =
      """
      window.__sent = []; window.__received = [];
      const original = window.fetch;
      window.fetch = async (url, init) => {
        window.__sent.push(String(url) + ' ' + (init && init.body ? init.body : ''));
        const response = await original(url, init);
        window.__received.push(await response.clone().text());
        return response;
      };
      """;

  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void demoPageRunsTheWholeFlowInTheBrowser() throws Exception {
    api.awaitReadiness();
    Tenant tenant = Tenant.create(api, "Demo Page Co");
    String message = "Planbok demo " + UUID.randomUUID();
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.driver().get(System.getProperty("planbok.it.node1") + "/demo/");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
      browser.script(RECORD_FETCH);
      browser.screenshot("demo-0-start", null);

      browser.byId("api-key").sendKeys(tenant.apiKey());
      run(browser, "connect", "demo-1-connected");
      run(browser, "customer", "demo-2-customer");
      browser.byId("pin").sendKeys(PIN);
      run(browser, "pin", "demo-3-pin");
      run(browser, "keys", "demo-4-keys");
      run(browser, "wallet", "demo-5-wallet");
      browser.byId("message").clear();
      browser.byId("message").sendKeys(message);
      run(browser, "sign", "demo-6-signature");
      // The app pins Node 2's export key: here the fingerprint Node 1 serves, read outside the
      // page.
      String fingerprint = api.get("/api/v1/system/export-key").json().getString("fingerprint");
      browser.byId("export-fingerprint").sendKeys(fingerprint);
      browser.byId("export-pin").sendKeys(PIN);
      run(browser, "export", "demo-7-export");
      assertEquals(fingerprint, browser.text("export-key-fingerprint"));
      browser.resize(390, 900);
      browser.screenshot("demo-8-export-narrow", "step-export");

      String customerId = browser.text("customer-id");
      String address = browser.text("address");
      String privateKey = browser.text("export-private-key");
      // The wallet address is EIP-55, and it is the one the opened key controls.
      assertTrue(address.matches("0x[0-9a-fA-F]{40}"), address);
      assertEquals(Keys.toChecksumAddress(address), address);
      assertEquals(address, browser.text("export-address"));
      assertEquals("hex", browser.text("export-format"));
      assertTrue(privateKey.matches("0x[0-9a-f]{64}"), "a 32-byte hex key");
      SecretsSeen.add(HexFormat.of().parseHex(privateKey.substring(2)));
      assertEquals(address.toLowerCase(Locale.ROOT), Credentials.create(privateKey).getAddress());

      // The personal_sign signature recovers to the wallet's address.
      assertEquals(address.toLowerCase(Locale.ROOT), signer(browser.text("signature"), message));

      // The browser kit derived exactly the Java kit's encryptedSecret for this PIN and salt.
      String salt =
          tenant.get("/api/v1/customers/" + customerId + "/pin").json().getString("clientSalt");
      String expectedSecret = PinSecret.derive(PIN.toCharArray(), salt);
      SecretsSeen.addText(expectedSecret);
      List<String> sent = strings(browser.script("return window.__sent"));
      assertTrue(
          sent.stream().anyMatch(r -> r.contains("/pin {") && r.contains(expectedSecret)),
          "the PIN set-up sent the kit's secret: " + sent);
      assertFalse(sent.stream().anyMatch(r -> r.contains(PIN)), "the PIN was sent");

      // The export was authorized (v2 body), and the PIN's key crossed the network only sealed.
      byte[] pinKey = PinSecret.pinKey(PIN.toCharArray(), salt);
      SecretsSeen.add(pinKey);
      String pinKeyB64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pinKey);
      String pinKeyHex = HexFormat.of().formatHex(pinKey);
      String exportBody =
          sent.stream().filter(r -> r.contains("/export {")).findFirst().orElseThrow();
      assertTrue(
          exportBody.contains("\"authorization\"") && exportBody.contains("\"challenge\""),
          exportBody);
      assertTrue(exportBody.contains(expectedSecret), "the export sent the kit's secret");
      assertTrue(
          sent.stream().anyMatch(r -> r.contains("/export-challenges")), "a challenge was asked");
      for (String request : sent) {
        assertFalse(
            request.contains(pinKeyB64) || request.toLowerCase(Locale.ROOT).contains(pinKeyHex),
            "the PIN's key was sent in clear");
      }

      // The exported key crossed the network only sealed.
      String keyHex = privateKey.substring(2);
      for (String body : strings(browser.script("return window.__received"))) {
        assertFalse(body.toLowerCase(Locale.ROOT).contains(keyHex), "a response held the key");
      }
      System.out.println("demo page: Argon2id in Chromium took " + browser.text("derive-ms"));
    }
  }

  @Test
  void kitFilesAreServedForDownload() {
    for (String path :
        List.of(
            "/kit/",
            "/kit/planbok-kit.js",
            "/kit/planbok-keys.js",
            "/kit/vendor/argon2.umd.min.js",
            "/kit/vendor/keccak.umd.min.js",
            "/kit/vendor/ripemd160.umd.min.js",
            "/kit/vendor/hash-wasm/LICENSE",
            "/kit/java/org/planbok/kit/PinSecret.java",
            "/kit/java/org/planbok/kit/DeviceKey.java",
            "/kit/java/org/planbok/kit/SealedExport.java",
            "/kit/java/org/planbok/kit/ExportOpener.java",
            "/kit/java/org/planbok/kit/ExportAuthorization.java",
            "/kit/java/org/planbok/kit/ExportKey.java",
            "/demo/",
            "/demo/demo.js")) {
      Api.Reply reply = api.get(path);
      assertEquals(200, reply.status(), path);
      assertTrue(reply.body().length() > 100, path);
    }
    assertTrue(api.get("/kit/planbok-kit.js").contentType().contains("javascript"));
  }

  /** Clicks a step's button and waits until the step is done; a step's error fails the test. */
  private static void run(HeadlessChromium browser, String step, String screenshot)
      throws Exception {
    browser.byId(buttonOf(step)).click();
    String state =
        new WebDriverWait(browser.driver(), STEP_TIMEOUT)
            .until(
                d -> {
                  String s = browser.byId("step-" + step).getAttribute("data-state");
                  return s.equals("done") || s.equals("error") ? s : null;
                });
    browser.screenshot(screenshot, "step-" + step);
    if (!state.equals("done")) {
      fail("step " + step + " failed on the page: " + browser.text(step + "-error"));
    }
  }

  private static String buttonOf(String step) {
    return switch (step) {
      case "customer" -> "create-customer";
      case "pin" -> "set-pin";
      case "keys" -> "generate-keys";
      case "wallet" -> "create-wallet";
      default -> step;
    };
  }

  /** The address (lowercase 0x…) that signed an EIP-191 personal message: 0x ‖ r ‖ s ‖ v. */
  private static String signer(String signature, String message) throws Exception {
    byte[] rsv = HexFormat.of().parseHex(signature.substring(2));
    assertEquals(65, rsv.length, signature);
    Sign.SignatureData data =
        new Sign.SignatureData(
            rsv[64],
            java.util.Arrays.copyOfRange(rsv, 0, 32),
            java.util.Arrays.copyOfRange(rsv, 32, 64));
    BigInteger publicKey =
        Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
    return "0x" + Keys.getAddress(publicKey);
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }
}
