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
import org.planbok.kit.ExportKey;
import org.planbok.kit.ExportOpener;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.web3j.crypto.Credentials;

/**
 * The Java client kit against the real servers (export v2): a customer's device authorizes exports
 * of an Ethereum, a Bitcoin and a Solana wallet with the PIN's pinKey sealed to Node 2's pinned
 * export key, and {@link ExportOpener} opens and adds the two parts of each; every opened key is
 * checked against the wallet's public key and address independently of the kit's and the server's
 * code.
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
    JsonObject opened = exportAndOpen(customer, eth);
    assertEquals("hex", opened.getString("format"));
    SecretsSeen.add(HEX.parseHex(opened.getString("privateKey").substring(2)));
    assertEquals(
        eth.getString("address").toLowerCase(Locale.ROOT),
        Credentials.create(opened.getString("privateKey")).getAddress());

    JsonObject btc = wallet(customer, "bitcoin");
    opened = exportAndOpen(customer, btc);
    assertEquals("wif", opened.getString("format"));
    byte[] btcKey = wifKey(opened.getString("privateKey"));
    SecretsSeen.add(btcKey);
    BigInteger x = new BigInteger(1, btcKey);
    assertEquals(
        btc.getString("publicKey"),
        HEX.formatHex(Secp256k1.INSTANCE.encode(Secp256k1.INSTANCE.multiplyGenerator(x))));

    JsonObject sol = wallet(customer, "solana");
    opened = exportAndOpen(customer, sol);
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
  void exportSealedToAnotherDeviceDoesNotOpen() throws Exception {
    PinFlow customer = customerWithKeys();
    JsonObject eth = wallet(customer, "ethereum");
    JsonObject response = export(customer, eth, new DeviceKeys());
    assertThrows(
        AEADBadTagException.class,
        () ->
            ExportOpener.open(
                eth.getString("id"), DeviceKeys.response(response), DeviceKey.generate()));
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

  /** The device's side of export v2 with the Java kit: pinned key, challenge, authorization. */
  private JsonObject export(PinFlow customer, JsonObject wallet, DeviceKeys device) {
    ExportKey exportKey = DeviceKeys.pinnedExportKey(api);
    String challenge = DeviceKeys.challenge(customer, wallet.getString("id"));
    String body = device.exportBody(customer, PIN, wallet, challenge, exportKey).build().toString();
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

  private JsonObject exportAndOpen(PinFlow customer, JsonObject wallet) throws Exception {
    DeviceKeys device = new DeviceKeys();
    JsonObject response = export(customer, wallet, device);
    byte[] plaintext =
        ExportOpener.open(
            wallet.getString("id"), DeviceKeys.response(response), device.deviceKey());
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
