package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.planbok.kit.PinSecret;

/**
 * A customer of a tenant with a PIN set up the way an integrator's app does it: the app asks for
 * the client salt, derives encryptedSecret on the device with the client kit, and sends only that.
 */
record PinFlow(Tenant tenant, String customerId, String salt) {

  static PinFlow newCustomer(Tenant tenant) {
    JsonObject customer =
        tenant.createCustomer("c-" + UUID.randomUUID(), "c" + UUID.randomUUID() + "@example.com");
    String id = customer.getString("id");
    Api.Reply pin = tenant.get("/api/v1/customers/" + id + "/pin");
    assertEquals(200, pin.status(), pin.body());
    return new PinFlow(tenant, id, pin.json().getString("clientSalt"));
  }

  /** A new customer whose PIN is set to {@code pin}. */
  static PinFlow withPin(Tenant tenant, String pin) {
    PinFlow flow = newCustomer(tenant);
    Api.Reply set = flow.setUp(pin);
    assertEquals(201, set.status(), set.body());
    return flow;
  }

  /**
   * The PIN's encryptedSecret, derived once per salt and PIN as an app derives it once per PIN
   * entry (Argon2id takes tens of milliseconds; benchmarks must not count it as server time).
   */
  String secret(String pin) {
    return DERIVED.computeIfAbsent(
        salt + "/" + pin,
        k -> {
          String secret = PinSecret.derive(pin.toCharArray(), salt);
          SecretsSeen.addText(secret);
          return secret;
        });
  }

  private static final java.util.Map<String, String> DERIVED =
      new java.util.concurrent.ConcurrentHashMap<>();

  String path(String rest) {
    return "/api/v1/customers/" + customerId + rest;
  }

  String subject() {
    return "customer:" + customerId;
  }

  Api.Reply setUp(String pin) {
    return tenant.post(path("/pin"), body(pin), "pin-" + UUID.randomUUID());
  }

  Api.Reply verify(String pin) {
    return tenant.post(path("/pin/verify"), body(pin), "verify-" + UUID.randomUUID());
  }

  Api.Reply change(String pin, String newPin) {
    String json =
        Json.createObjectBuilder()
            .add("encryptedSecret", secret(pin))
            .add("newEncryptedSecret", secret(newPin))
            .build()
            .toString();
    return tenant.post(path("/pin/change"), json, "change-" + UUID.randomUUID());
  }

  Api.Reply generateKeys(String pin, String... curves) {
    var list = Json.createArrayBuilder();
    for (String c : curves) {
      list.add(c);
    }
    String json =
        Json.createObjectBuilder()
            .add("encryptedSecret", secret(pin))
            .add("curves", list)
            .build()
            .toString();
    return tenant.post(path("/keys"), json, "keys-" + UUID.randomUUID());
  }

  /** The key of the curve, generating it (asserting 201) if it is missing. */
  JsonObject key(String pin, String curve) {
    for (var item : tenant.get(path("/keys")).json().getJsonArray("items")) {
      if (item.asJsonObject().getString("curve").equals(curve)) {
        return item.asJsonObject();
      }
    }
    Api.Reply made = generateKeys(pin, curve);
    assertEquals(201, made.status(), made.body());
    return made.json().getJsonArray("items").getJsonObject(0);
  }

  Api.Reply signDigest(String pin, String keyId, String digestHex, String path, Long index) {
    var json =
        Json.createObjectBuilder().add("encryptedSecret", secret(pin)).add("digest", digestHex);
    if (path != null) {
      json.add("path", path);
    }
    if (index != null) {
      json.add("index", index);
    }
    return tenant.post(
        path("/keys/" + keyId + "/signatures"),
        json.build().toString(),
        "sig-" + UUID.randomUUID());
  }

  Api.Reply refresh(String pin, String keyId) {
    return tenant.post(
        path("/keys/" + keyId + "/refresh"), body(pin), "refresh-" + UUID.randomUUID());
  }

  private String body(String pin) {
    return Json.createObjectBuilder().add("encryptedSecret", secret(pin)).build().toString();
  }
}
