package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * Key generation and signing across the two real servers, through the API: keys for both curves,
 * and 100 random digests signed per curve, every signature checked by verifiers that are not ours
 * (BouncyCastle's ECDSA and RFC 8032 Ed25519, web3j's public key recovery).
 */
@ExtendWith(ArquillianExtension.class)
class KeySessionsIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN(), SECP.getH());
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void keysForBothCurvesSignOneHundredDigestsEach() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Keys Co"), "471100");
    Api.Reply made = customer.generateKeys("471100", "secp256k1", "ed25519");
    assertEquals(201, made.status(), made.body());
    JsonObject ecdsa = made.json().getJsonArray("items").getJsonObject(0);
    JsonObject eddsa = made.json().getJsonArray("items").getJsonObject(1);
    assertEquals("secp256k1", ecdsa.getString("curve"));
    assertEquals(66, ecdsa.getString("publicKey").length());
    assertEquals("ed25519", eddsa.getString("curve"));
    assertEquals(64, eddsa.getString("publicKey").length());
    assertFalse(made.body().contains("chainCode"), "the chain code never leaves the nodes");

    for (int i = 0; i < 100; i++) {
      byte[] digest = random32();
      JsonObject sig = signed(customer, "471100", ecdsa, digest, null, null);
      assertEquals(ecdsa.getString("publicKey"), sig.getString("publicKey"));
      assertEcdsaVerifies(sig, digest);
    }
    for (int i = 0; i < 100; i++) {
      byte[] message = random32();
      JsonObject sig = signed(customer, "471100", eddsa, message, null, null);
      assertEd25519Verifies(sig, message);
    }
    // Protocol latencies are metrics (DESIGN §7), in Prometheus text at /metrics, for the operator.
    String metrics =
        api.send("GET", "/metrics", null, "Authorization", "Bearer " + Tenant.operatorToken())
            .body();
    assertTrue(metrics.contains("planbok_session"), "a planbok_session timer is served");
    assertTrue(metrics.contains("operation=\"sign\""), "tagged by operation");
  }

  @Test
  void childrenSignUnderTheirOwnKeys() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Children Co"), "121200");
    JsonObject ecdsa = customer.key("121200", "secp256k1");
    JsonObject eddsa = customer.key("121200", "ed25519");
    byte[] digest = random32();
    JsonObject child = signed(customer, "121200", ecdsa, digest, "m/44/60/0/0/7", null);
    assertNotEquals(ecdsa.getString("publicKey"), child.getString("publicKey"));
    assertEcdsaVerifies(child, digest);
    JsonObject edChild = signed(customer, "121200", eddsa, digest, null, 7L);
    assertNotEquals(eddsa.getString("publicKey"), edChild.getString("publicKey"));
    assertEd25519Verifies(edChild, digest);
    // The same child twice is the same key.
    assertEquals(
        child.getString("publicKey"),
        signed(customer, "121200", ecdsa, random32(), "m/44/60/0/0/7", null)
            .getString("publicKey"));
  }

  @Test
  void aRetriedKeyGenerationReturnsTheSameKeys() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Retry Co"), "565600");
    String body =
        "{\"encryptedSecret\": \"" + customer.secret("565600") + "\", \"curves\": [\"ed25519\"]}";
    Api.Reply first = customer.tenant().post(customer.path("/keys"), body, "keys-once");
    Api.Reply again = customer.tenant().post(customer.path("/keys"), body, "keys-once");
    assertEquals(201, first.status(), first.body());
    assertEquals(201, again.status(), again.body());
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(first.json(), again.json(), "the same key, not a second one");
    assertEquals(
        1, customer.tenant().get(customer.path("/keys")).json().getJsonArray("items").size());
  }

  @Test
  void aSecondKeyOfACurveIsRefusedBeforeThePinIsChecked() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Twice Co"), "343400");
    customer.key("343400", "ed25519");
    assertProblem(customer.generateKeys("000000", "ed25519"), 409, "key-exists");
    assertEquals(200, customer.verify("343400").status(), "the wrong PIN was not counted");
    assertEquals(
        1, customer.tenant().get(customer.path("/keys")).json().getJsonArray("items").size());
  }

  @Test
  void refreshKeepsTheKeyAndItsAddressesAndItKeepsSigning() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Refresh Co"), "808000");
    for (String curve : new String[] {"secp256k1", "ed25519"}) {
      JsonObject key = customer.key("808000", curve);
      Api.Reply refreshed = customer.refresh("808000", key.getString("id"));
      assertEquals(200, refreshed.status(), refreshed.body());
      assertEquals(key.getString("publicKey"), refreshed.json().getString("publicKey"));
      assertTrue(refreshed.json().containsKey("refreshedAt"));
      byte[] digest = random32();
      JsonObject sig = signed(customer, "808000", key, digest, null, null);
      if (curve.equals("secp256k1")) {
        assertEcdsaVerifies(sig, digest);
      } else {
        assertEd25519Verifies(sig, digest);
      }
    }
  }

  @Test
  void wrongPinSignsNothingAndAnotherOrganizationsKeyIsNotFound() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Guard Co"), "909000");
    JsonObject key = customer.key("909000", "secp256k1");
    String digest = HexFormat.of().formatHex(random32());
    assertProblem(
        customer.signDigest("909100", key.getString("id"), digest, null, null), 403, "wrong-pin");
    PinFlow stranger =
        new PinFlow(Tenant.create(api, "Other Co"), customer.customerId(), customer.salt());
    assertProblem(
        stranger.signDigest("909000", key.getString("id"), digest, null, null), 404, "not-found");
    assertProblem(stranger.tenant().get(customer.path("/keys")), 404, "not-found");
    assertProblem(
        customer.signDigest("909000", key.getString("id"), "00ff", null, null),
        400,
        "invalid-field");
    assertProblem(
        customer.signDigest("909000", key.getString("id"), digest, "m/44'/60'/0'", null),
        400,
        "invalid-field");
    assertProblem(
        customer.signDigest("909000", key.getString("id"), digest, null, 3L), 400, "invalid-field");
  }

  private static JsonObject signed(
      PinFlow customer, String pin, JsonObject key, byte[] digest, String path, Long index) {
    Api.Reply reply =
        customer.signDigest(
            pin, key.getString("id"), HexFormat.of().formatHex(digest), path, index);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static void assertEcdsaVerifies(JsonObject sig, byte[] digest) {
    byte[] rs = HexFormat.of().parseHex(sig.getString("signature"));
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOf(rs, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64));
    byte[] publicKey = HexFormat.of().parseHex(sig.getString("publicKey"));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(SECP.getCurve().decodePoint(publicKey), DOMAIN));
    assertTrue(verifier.verifySignature(digest, r, s), "BouncyCastle verifies");
    assertTrue(s.compareTo(SECP.getN().shiftRight(1)) <= 0, "low S");
    BigInteger recovered =
        Sign.recoverFromSignature(sig.getInt("recoveryId"), new ECDSASignature(r, s), digest);
    BigInteger expected =
        new BigInteger(
            1,
            java.util.Arrays.copyOfRange(
                SECP.getCurve().decodePoint(publicKey).getEncoded(false), 1, 65));
    assertEquals(expected, recovered, "web3j recovers our public key");
  }

  static void assertEd25519Verifies(JsonObject sig, byte[] message) {
    byte[] signature = HexFormat.of().parseHex(sig.getString("signature"));
    byte[] publicKey = HexFormat.of().parseHex(sig.getString("publicKey"));
    assertTrue(
        Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length),
        "BouncyCastle's RFC 8032 verifier accepts it");
  }

  private static byte[] random32() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }
}
