package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.kit.DeviceKey;
import org.planbok.kit.ExportOpener;
import org.planbok.kit.SealedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.web3j.crypto.Credentials;

/**
 * The Java client kit against the real servers: a customer exports an Ethereum, a Bitcoin and a
 * Solana wallet to a {@link DeviceKey} and {@link ExportOpener} opens each; every opened key is
 * checked against the wallet's public key and address independently of the server's code.
 */
@ExtendWith(ArquillianExtension.class)
class KitExportIT {
  private static final String PIN = "51502468";
  private static final HexFormat HEX = HexFormat.of();

  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void javaKitOpensExportsOfBothCurves() throws Exception {
    PinFlow customer = customerWithKeys();

    JsonObject eth = wallet(customer, "ethereum");
    JsonObject opened = exportAndOpen(customer, eth, DeviceKey.generate());
    assertEquals("hex", opened.getString("format"));
    SecretsSeen.add(HEX.parseHex(opened.getString("privateKey").substring(2)));
    assertEquals(
        eth.getString("address").toLowerCase(Locale.ROOT),
        Credentials.create(opened.getString("privateKey")).getAddress());

    JsonObject btc = wallet(customer, "bitcoin");
    opened = exportAndOpen(customer, btc, DeviceKey.generate());
    assertEquals("wif", opened.getString("format"));
    byte[] btcKey = wifKey(opened.getString("privateKey"));
    SecretsSeen.add(btcKey);
    BigInteger x = new BigInteger(1, btcKey);
    assertEquals(
        btc.getString("publicKey"),
        HEX.formatHex(Secp256k1.INSTANCE.encode(Secp256k1.INSTANCE.multiplyGenerator(x))));

    JsonObject sol = wallet(customer, "solana");
    opened = exportAndOpen(customer, sol, DeviceKey.generate());
    assertEquals("ed25519-expanded", opened.getString("format"));
    byte[] expanded = HEX.parseHex(opened.getString("privateKey"));
    assertEquals(64, expanded.length);
    SecretsSeen.add(expanded);
    SecretsSeen.add(Arrays.copyOf(expanded, 32));
    BigInteger scalar = Ed25519.reduce(Arrays.copyOf(expanded, 32));
    byte[] publicKey = Ed25519.INSTANCE.encode(Ed25519.INSTANCE.multiplyGenerator(scalar));
    assertEquals(sol.getString("publicKey"), HEX.formatHex(publicKey));
    assertEquals(sol.getString("publicKey"), opened.getString("publicKey"));
  }

  @Test
  void exportSealedToAnotherDeviceDoesNotOpen() {
    PinFlow customer = customerWithKeys();
    JsonObject eth = wallet(customer, "ethereum");
    JsonObject response = export(customer, eth, DeviceKey.generate());
    assertThrows(
        AEADBadTagException.class,
        () -> ExportOpener.open(eth.getString("id"), sealed(response), DeviceKey.generate()));
  }

  private PinFlow customerWithKeys() {
    api.awaitReadiness();
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Kit Export Co"), PIN);
    Api.Reply keys = customer.generateKeys(PIN, "secp256k1", "ed25519");
    assertEquals(201, keys.status(), keys.body());
    return customer;
  }

  private static JsonObject wallet(PinFlow customer, String chain) {
    String body = Json.createObjectBuilder().add("chain", chain).add("index", 3).build().toString();
    Api.Reply reply =
        customer.tenant().post(customer.path("/wallets"), body, "wallet-" + UUID.randomUUID());
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject export(PinFlow customer, JsonObject wallet, DeviceKey device) {
    String body =
        Json.createObjectBuilder()
            .add("encryptedSecret", customer.secret(PIN))
            .add("devicePublicKey", device.publicKeyBase64Url())
            .build()
            .toString();
    Api.Reply reply =
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + wallet.getString("id") + "/export"),
                body,
                "export-" + UUID.randomUUID());
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject exportAndOpen(PinFlow customer, JsonObject wallet, DeviceKey device)
      throws AEADBadTagException {
    JsonObject response = export(customer, wallet, device);
    byte[] plaintext = ExportOpener.open(wallet.getString("id"), sealed(response), device);
    try {
      JsonObject opened =
          Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))
              .readObject();
      assertEquals(wallet.getString("address"), opened.getString("address"));
      assertEquals(wallet.getString("chain"), opened.getString("chain"));
      return opened;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static SealedExport sealed(JsonObject response) {
    JsonObject h = response.getJsonObject("hpke");
    return new SealedExport(
        h.getInt("kem"),
        h.getInt("kdf"),
        h.getInt("aead"),
        h.getString("info"),
        h.getString("aad"),
        h.getString("enc"),
        h.getString("ciphertext"));
  }

  /** The 32-byte key of a compressed mainnet WIF: Base58Check of 0x80 ‖ key ‖ 0x01. */
  private static byte[] wifKey(String wif) throws Exception {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    BigInteger n = BigInteger.ZERO;
    for (char c : wif.toCharArray()) {
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
    }
    byte[] raw = n.toByteArray();
    byte[] payload = Arrays.copyOfRange(raw, raw.length - 38, raw.length);
    byte[] body = Arrays.copyOf(payload, 34);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] check = sha.digest(sha.digest(body));
    assertArrayEquals(Arrays.copyOf(check, 4), Arrays.copyOfRange(payload, 34, 38), "checksum");
    assertEquals((byte) 0x80, body[0], "mainnet");
    assertEquals((byte) 0x01, body[33], "compressed");
    return Arrays.copyOfRange(body, 1, 33);
  }
}
