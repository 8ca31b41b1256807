package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.planbok.kit.DeviceKey;
import org.planbok.kit.ExportAuthorization;
import org.planbok.kit.ExportKey;
import org.planbok.kit.ExportOpener;
import org.planbok.kit.ExportResponse;
import org.planbok.kit.PinSecret;
import org.planbok.kit.SealedExport;

/**
 * The customer's device in an export (v2), through the Java client kit integrators copy: it makes
 * an X25519 key pair ({@link DeviceKey}), fetches Node 2's export key and checks its pinned
 * fingerprint ({@link ExportKey}), asks for a challenge, seals its authorization with the PIN's
 * pinKey ({@link ExportAuthorization}), posts the body, and opens the two sealed parts ({@link
 * ExportOpener}).
 */
final class DeviceKeys {
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
  private static final Map<String, byte[]> PIN_KEYS = new ConcurrentHashMap<>();

  private final DeviceKey key = DeviceKey.generate();

  String publicKey() {
    return key.publicKeyBase64Url();
  }

  DeviceKey deviceKey() {
    return key;
  }

  /**
   * Node 2's export key from {@code GET /api/v1/system/export-key}, refused unless its SHA-256 is
   * {@code fingerprint} (what an app pins).
   */
  static ExportKey pinnedExportKey(Api api, String fingerprint) {
    Api.Reply reply = api.get("/api/v1/system/export-key");
    assertEquals(200, reply.status(), reply.body());
    return ExportKey.pinned(reply.json().getString("publicKey"), fingerprint);
  }

  /**
   * Node 2's export key, pinned to the fingerprint the same answer gives (trust on first use: a
   * test has no other source; check it against Node 2's own where a test can).
   */
  static ExportKey pinnedExportKey(Api api) {
    Api.Reply reply = api.get("/api/v1/system/export-key");
    assertEquals(200, reply.status(), reply.body());
    JsonObject json = reply.json();
    return ExportKey.pinned(json.getString("publicKey"), json.getString("fingerprint"));
  }

  /** {@code POST …/wallets/{walletId}/export-challenges} as it is answered. */
  static Api.Reply challengeReply(PinFlow customer, String walletId) {
    return customer
        .tenant()
        .post(
            customer.path("/wallets/" + walletId + "/export-challenges"),
            "{}",
            "challenge-" + UUID.randomUUID());
  }

  /** A fresh challenge for the wallet (asserting 201), base64url as the API gives it. */
  static String challenge(PinFlow customer, String walletId) {
    Api.Reply reply = challengeReply(customer, walletId);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("challenge");
  }

  /**
   * The v2 export body of a customer's wallet ({@code id}, {@code keyId}, {@code path} as the
   * wallet JSON shows them), authorized with the PIN's pinKey for this device and challenge. Add
   * {@code format} to it if wanted.
   */
  JsonObjectBuilder exportBody(
      PinFlow customer, String pin, JsonObject wallet, String challenge, ExportKey exportKey) {
    return exportBody(
        customer.salt(),
        pin,
        wallet.getString("keyId"),
        wallet.getString("path"),
        challenge,
        exportKey);
  }

  /** The same from its parts: the customer's clientSalt, the PIN, the wallet's key id and path. */
  JsonObjectBuilder exportBody(
      String clientSalt,
      String pin,
      String keyId,
      String path,
      String challenge,
      ExportKey exportKey) {
    byte[] pinKey = pinKey(clientSalt, pin);
    String encryptedSecret = PinSecret.encryptedSecret(pinKey);
    SecretsSeen.addText(encryptedSecret);
    String authorization =
        ExportAuthorization.seal(
            pinKey, key.publicKey(), keyId, path, B64URL.decode(challenge), exportKey);
    return Json.createObjectBuilder()
        .add("encryptedSecret", encryptedSecret)
        .add("devicePublicKey", publicKey())
        .add("authorization", authorization)
        .add("challenge", challenge);
  }

  /** An organization's export body: the Organization Secret and this device, no authorization. */
  JsonObjectBuilder organizationExportBody(String organizationSecret) {
    return Json.createObjectBuilder()
        .add("encryptedSecret", organizationSecret)
        .add("devicePublicKey", publicKey());
  }

  /**
   * The whole device flow for a customer's wallet: pinned export key, challenge, authorization,
   * {@code POST …/export} (asserting 200), and the opened plaintext.
   */
  JsonObject export(Api api, PinFlow customer, String pin, JsonObject wallet, String format)
      throws Exception {
    ExportKey exportKey = pinnedExportKey(api);
    JsonObjectBuilder body =
        exportBody(customer, pin, wallet, challenge(customer, wallet.getString("id")), exportKey);
    if (format != null) {
      body.add("format", format);
    }
    Api.Reply reply =
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + wallet.getString("id") + "/export"),
                body.build().toString(),
                "export-" + UUID.randomUUID());
    assertEquals(200, reply.status(), reply.body());
    return open(reply.json());
  }

  /**
   * The v1-shaped plaintext ({@code chain, address, format, privateKey[, publicKey]}) of an export
   * v2 answer, opened for the wallet it names: both parts opened, added and checked against the
   * wallet's public key and address by the kit.
   */
  JsonObject open(JsonObject export) throws Exception {
    byte[] plaintext = ExportOpener.open(export.getString("walletId"), response(export), key);
    try {
      SecretsSeen.add(plaintext);
      JsonObject opened =
          Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))
              .readObject();
      SecretsSeen.addRaw(opened.getString("privateKey"));
      return opened;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The export v2 answer as the Java kit takes it. */
  static ExportResponse response(JsonObject export) {
    return new ExportResponse(
        export.getString("walletId"),
        export.getString("chain"),
        export.getString("address"),
        export.getString("format"),
        sealed(export.getJsonObject("hpke")),
        sealed(export.getJsonObject("node2Hpke")));
  }

  static SealedExport sealed(JsonObject hpke) {
    return new SealedExport(
        hpke.getInt("kem"),
        hpke.getInt("kdf"),
        hpke.getInt("aead"),
        hpke.getString("info"),
        hpke.getString("aad"),
        hpke.getString("enc"),
        hpke.getString("ciphertext"));
  }

  /** The PIN's pinKey, derived once per salt and PIN as an app derives it once per PIN entry. */
  static byte[] pinKey(String clientSalt, String pin) {
    return PIN_KEYS
        .computeIfAbsent(
            clientSalt + "/" + pin,
            k -> {
              byte[] derived = PinSecret.pinKey(pin.toCharArray(), clientSalt);
              SecretsSeen.add(derived);
              return derived;
            })
        .clone();
  }
}
