package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Organization custody: an organization holds its own wallets, with a high-entropy Organization
 * Secret in the PIN's place; another organization sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationCustodyIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  private static String newSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    SecretsSeen.addText(secret);
    return secret;
  }

  @Test
  void anOrganizationKeepsItsOwnWalletsUnderItsSecret() throws Exception {
    Tenant org = Tenant.create(api, "Treasury Co");
    String secret = newSecret();
    assertEquals("NOT_SET", org.get("/api/v1/organization/secret").json().getString("state"));
    Api.Reply set = org.post("/api/v1/organization/secret", body(secret), "s-" + UUID.randomUUID());
    assertEquals(201, set.status(), set.body());
    assertTrue(
        !set.json().containsKey("clientSalt") || set.json().isNull("clientSalt"),
        "an Organization Secret is not derived: no salt");

    Api.Reply wrong =
        org.post("/api/v1/organization/secret/verify", body(newSecret()), "v-" + UUID.randomUUID());
    assertProblem(wrong, 403, "wrong-organization-secret");
    assertEquals(4, wrong.json().getInt("attemptsLeft"));

    String keys =
        Json.createObjectBuilder()
            .add("encryptedSecret", secret)
            .add("curves", Json.createArrayBuilder().add("secp256k1"))
            .build()
            .toString();
    Api.Reply made = org.post("/api/v1/organization/keys", keys, "k-" + UUID.randomUUID());
    assertEquals(201, made.status(), made.body());
    Api.Reply wallet =
        org.post(
            "/api/v1/organization/wallets",
            "{\"chain\": \"ethereum\", \"index\": 0}",
            "w-" + UUID.randomUUID());
    assertEquals(201, wallet.status(), wallet.body());
    String walletId = wallet.json().getString("id");
    String address = wallet.json().getString("address");

    String sign =
        Json.createObjectBuilder()
            .add("encryptedSecret", secret)
            .add("type", "personal_sign")
            .add("message", "treasury")
            .build()
            .toString();
    Api.Reply signed =
        org.post(
            "/api/v1/organization/wallets/" + walletId + "/signatures",
            sign,
            "p-" + UUID.randomUUID());
    assertEquals(200, signed.status(), signed.body());
    byte[] rsv = Numeric.hexStringToByteArray(signed.json().getString("signature"));
    String signer =
        Keys.getAddress(
            Sign.signedPrefixedMessageToKey(
                "treasury".getBytes(StandardCharsets.UTF_8),
                new Sign.SignatureData(
                    rsv[64],
                    java.util.Arrays.copyOfRange(rsv, 0, 32),
                    java.util.Arrays.copyOfRange(rsv, 32, 64))));
    assertEquals(address.toLowerCase(), "0x" + signer);

    Tenant other = Tenant.create(api, "Other Treasury Co");
    assertEquals(0, other.get("/api/v1/organization/wallets").json().getJsonArray("items").size());
    assertEquals(0, other.get("/api/v1/organization/keys").json().getJsonArray("items").size());
    assertProblem(other.get("/api/v1/organization/wallets/" + walletId), 404, "not-found");
    assertProblem(
        other.post(
            "/api/v1/organization/wallets/" + walletId + "/signatures",
            sign,
            "x-" + UUID.randomUUID()),
        404,
        "not-found");
    JsonObject own = org.get("/api/v1/organization/wallets").json();
    assertEquals(1, own.getJsonArray("items").size());
    assertTrue(own.getJsonArray("items").getJsonObject(0).getString("address").equals(address));
  }

  private static String body(String secret) {
    return Json.createObjectBuilder().add("encryptedSecret", secret).build().toString();
  }
}
