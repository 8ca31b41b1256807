package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser kit ({@code src/main/webapp/kit/planbok-kit.js} and {@code planbok-keys.js}) run in
 * Node.js, whose WebCrypto has X25519, AES-GCM and HMAC as browsers do, on the hash-wasm files the
 * WAR ships. It must derive the same pinKey and encryptedSecret as the Java kit's {@link PinSecret}
 * (and refuse a 5-digit PIN), seal authorizations that Node 2's BouncyCastle opens into the spec's
 * fields, open and add export v2 parts that BouncyCastle seals exactly as {@link ExportOpener} does
 * (seed keys' parts too, into the same seed forms), open RFC 9180's A.1.1 vector, and refuse what
 * it must.
 */
class JavaScriptKitTest {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String WALLET = "7d1c2b7e-8a51-4c0e-9d7f-5b2a6e4c1d90";

  @TempDir static Path work;
  private static Path kit;

  /** The kit laid out as under /kit/ in the WAR (.mjs: Node.js then loads it as a module). */
  @BeforeAll
  static void layOutKit() throws IOException {
    Path module = Path.of(System.getProperty("basedir", "."));
    Path vendor = Files.createDirectories(work.resolve("kit/vendor"));
    for (String file : List.of("argon2", "keccak", "ripemd160")) {
      Files.copy(
          module.resolve("target/kit-web/kit/vendor/" + file + ".umd.min.js"),
          vendor.resolve(file + ".umd.min.js"));
    }
    // type module: Node.js then loads the kit's .js files as the ES modules browsers load
    Files.writeString(work.resolve("kit/package.json"), "{\"type\": \"module\"}");
    Files.copy(
        module.resolve("src/main/webapp/kit/planbok-keys.js"), work.resolve("kit/planbok-keys.js"));
    kit = work.resolve("kit/planbok-kit.js");
    Files.copy(module.resolve("src/main/webapp/kit/planbok-kit.js"), kit);
  }

  @Test
  void pinKeyAndSecretMatchTheJavaKit() throws Exception {
    List<String> pins =
        List.of("123456", "000000", "pïn ß \uD83D\uDD11 ١٢٣", "12345", "1234\uD83D\uDD11");
    JsonArrayBuilder cases = Json.createArrayBuilder();
    String[] salts = new String[pins.size()];
    for (int i = 0; i < pins.size(); i++) {
      salts[i] = B64URL.encodeToString(random(16));
      cases.add(Json.createObjectBuilder().add("pin", pins.get(i)).add("salt", salts[i]));
    }
    JsonArray derived = run(Json.createObjectBuilder().add("pins", cases)).getJsonArray("pins");
    for (int i = 0; i < 3; i++) {
      JsonObject js = derived.getJsonObject(i);
      assertEquals(
          PinSecret.derive(pins.get(i).toCharArray(), salts[i]),
          js.getString("secret"),
          pins.get(i));
      assertEquals(
          java.util.HexFormat.of().formatHex(PinSecret.pinKey(pins.get(i).toCharArray(), salts[i])),
          js.getString("pinKey"));
    }
    // Five digits, and five characters of which one is two UTF-16 units: refused as in Java.
    for (int i = 3; i < 5; i++) {
      String error = derived.getJsonObject(i).getString("error", "(derived)");
      assertTrue(error.contains("at least 6 digits"), error);
    }
  }

  @Test
  void authorizationOpensAtNode2IntoTheFieldsOfTheSpec() throws Exception {
    org.bouncycastle.crypto.hpke.HPKE hpke =
        new org.bouncycastle.crypto.hpke.HPKE(
            org.bouncycastle.crypto.hpke.HPKE.mode_base,
            org.bouncycastle.crypto.hpke.HPKE.kem_X25519_SHA256,
            org.bouncycastle.crypto.hpke.HPKE.kdf_HKDF_SHA256,
            org.bouncycastle.crypto.hpke.HPKE.aead_AES_GCM256);
    var node2 = hpke.generatePrivateKey();
    byte[] node2Public = hpke.serializePublicKey(node2.getPublic());
    String fingerprint = ExportAuthorizationTest.sha256Hex(node2Public);
    JsonObject served =
        Json.createObjectBuilder()
            .add("publicKey", B64URL.encodeToString(node2Public))
            .add("fingerprint", fingerprint)
            .build();
    byte[] pinKey = random(32);
    byte[] device = DeviceKey.generate().publicKey();
    byte[] challenge = random(32);
    JsonObject good =
        Json.createObjectBuilder()
            .add("pinKey", java.util.HexFormat.of().formatHex(pinKey))
            .add("devicePublicKey", B64URL.encodeToString(device))
            .add("keyId", Exports.KEY_ID)
            .add("path", "m/44/501/0/0/7")
            .add("challenge", B64URL.encodeToString(challenge))
            .add("served", served)
            .add("pinned", fingerprint.toUpperCase(java.util.Locale.ROOT))
            .build();
    JsonObjectBuilder otherKey =
        Json.createObjectBuilder(good).add("pinned", ExportAuthorizationTest.sha256Hex(random(32)));
    JsonArray results =
        run(Json.createObjectBuilder()
                .add("authorizations", Json.createArrayBuilder().add(good).add(otherKey)))
            .getJsonArray("authorizations");
    byte[] wire =
        Base64.getUrlDecoder().decode(results.getJsonObject(0).getString("authorization"));
    byte[] plaintext =
        hpke.open(
            java.util.Arrays.copyOf(wire, 32),
            node2,
            ExportAuthorization.INFO.getBytes(StandardCharsets.UTF_8),
            challenge,
            java.util.Arrays.copyOfRange(wire, 32, wire.length),
            null,
            null,
            null);
    List<byte[]> fields = ExportAuthorizationTest.fields(plaintext);
    assertEquals(ExportAuthorization.INFO, new String(fields.get(0), StandardCharsets.UTF_8));
    org.junit.jupiter.api.Assertions.assertArrayEquals(pinKey, fields.get(1));
    org.junit.jupiter.api.Assertions.assertArrayEquals(device, fields.get(2));
    assertEquals(Exports.KEY_ID, new String(fields.get(3), StandardCharsets.UTF_8));
    assertEquals("m/44/501/0/0/7", new String(fields.get(4), StandardCharsets.UTF_8));
    assertEquals(5, fields.size());
    String refused = results.getJsonObject(1).getString("error", "(sealed)");
    assertTrue(refused.contains("not the pinned"), refused);
  }

  @Test
  void answersAreNormalisedAndDerivedAsTheJavaKitDoes() throws Exception {
    JsonArrayBuilder texts = Json.createArrayBuilder();
    RecoveryAnswersTest.EXAMPLES.keySet().forEach(texts::add);
    List<String> tricky =
        List.of("ΟΔΟΣ", "İstanbul", "\uFEFFzero\u200Bwidth", "\u0085next\u001Fline", "ǅungla");
    tricky.forEach(texts::add);
    List<List<String>> sets =
        List.of(List.of("Rex", "Elm Street", "Golf GTI"), List.of("Ｃａｆé", " a\u3000b ", "ΟΔΟΣ"));
    String salt = B64URL.encodeToString(random(16));
    JsonArrayBuilder answers = Json.createArrayBuilder();
    for (List<String> set : sets) {
      answers.add(
          Json.createObjectBuilder()
              .add("answers", Json.createArrayBuilder(set))
              .add("salt", salt));
    }
    answers.add(
        Json.createObjectBuilder()
            .add("answers", Json.createArrayBuilder(List.of("a", " \t ", "c")))
            .add("salt", salt));
    JsonObject out =
        run(Json.createObjectBuilder().add("normalize", texts).add("answers", answers));
    JsonArray normalized = out.getJsonArray("normalized");
    int i = 0;
    for (String text : RecoveryAnswersTest.EXAMPLES.keySet()) {
      assertEquals(RecoveryAnswersTest.EXAMPLES.get(text), normalized.getString(i++), text);
    }
    for (String text : tricky) {
      assertEquals(RecoveryAnswers.normalise(text), normalized.getString(i++), text);
    }
    JsonArray derived = out.getJsonArray("answers");
    for (int s = 0; s < sets.size(); s++) {
      assertEquals(
          RecoveryAnswers.derive(sets.get(s), salt),
          derived.getJsonObject(s).getString("secret"),
          sets.get(s).toString());
    }
    assertTrue(derived.getJsonObject(2).getString("error").contains("answer 2 is empty"));
  }

  @Test
  void opensAndAddsWhatBouncyCastleSealsAsTheJavaKitDoes() throws Exception {
    Exports.Key[] keys = {Exports.ETHEREUM, Exports.BITCOIN, Exports.SOLANA};
    JsonArrayBuilder cases = Json.createArrayBuilder();
    JsonObject[] responses = new JsonObject[keys.length];
    DeviceKey[] devices = new DeviceKey[keys.length];
    for (int i = 0; i < keys.length; i++) {
      byte[] privateKey = random(32);
      devices[i] = DeviceKey.fromPrivateKey(privateKey);
      responses[i] = Exports.response(WALLET, keys[i], devices[i].publicKey());
      cases.add(open(privateKey, devices[i], responses[i], WALLET));
    }
    JsonArray opened = run(Json.createObjectBuilder().add("opens", cases)).getJsonArray("opens");
    for (int i = 0; i < keys.length; i++) {
      JsonObject expected = json(keys[i].plaintext());
      assertEquals(expected, opened.getJsonObject(i).getJsonObject("opened"), opened.toString());
      byte[] byJava = ExportOpener.open(WALLET, Exports.exportResponse(responses[i]), devices[i]);
      assertEquals(expected, json(new String(byJava, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void rejectsExportsThatAreNotForThisDeviceWalletAndKey() throws Exception {
    byte[] privateKey = random(32);
    DeviceKey device = DeviceKey.fromPrivateKey(privateKey);
    Exports.Key key = Exports.ETHEREUM;
    JsonObject good = Exports.response(WALLET, key, device.publicKey());
    byte[] otherKey = random(32);
    JsonObject forOther = Exports.response("w2", key, device.publicKey());
    JsonObject relabelled =
        Json.createObjectBuilder(withHpke(forOther, "aad", WALLET)).add("walletId", WALLET).build();
    byte[] ct = Base64.getUrlDecoder().decode(hpke(good, "ciphertext"));
    ct[0] ^= 1;
    byte[] ct2 =
        Base64.getUrlDecoder().decode(good.getJsonObject("node2Hpke").getString("ciphertext"));
    ct2[5] ^= 1;
    java.math.BigInteger m2 = Exports.randomMask(key);
    java.math.BigInteger m1 = key.x().subtract(m2).add(java.math.BigInteger.TWO).mod(key.order());
    JsonObject[] bad = {
      good, // opened with another device key, below
      withHpke(good, "ciphertext", B64URL.encodeToString(ct)),
      forOther, // the caller expects WALLET
      relabelled,
      withHpke(good, "enc", B64URL.encodeToString(new byte[32])),
      withHpke(good, "aead", 1),
      Json.createObjectBuilder(good)
          .add("address", "0x0000000000000000000000000000000000000000")
          .build(),
      ExportOpenerTest.withPart(good, "node2Hpke", "ciphertext", B64URL.encodeToString(ct2)),
      ExportOpenerTest.withPart(good, "node2Hpke", "aad", Exports.KEY_ID + ":m/44/60/0/0/9"),
      Exports.response(WALLET, key, m2, m1, device.publicKey()),
      Exports.response(
          WALLET,
          key.withChainAddress("ethereum", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", "hex", ""),
          device.publicKey()),
    };
    JsonArrayBuilder cases = Json.createArrayBuilder();
    cases.add(open(otherKey, DeviceKey.fromPrivateKey(otherKey), good, WALLET));
    for (int i = 1; i < bad.length; i++) {
      cases.add(open(privateKey, device, bad[i], WALLET));
    }
    JsonArray results = run(Json.createObjectBuilder().add("opens", cases)).getJsonArray("opens");
    String[] why = {
      "does not open",
      "does not open",
      "sealed for wallet w2",
      "does not open",
      "does not open",
      "unexpected export aead",
      "address",
      "does not open",
      "Node 2's part is sealed for",
      "do not add up",
      "address on ethereum is not",
    };
    for (int i = 0; i < bad.length; i++) {
      JsonObject result = results.getJsonObject(i);
      assertTrue(result.containsKey("error"), "case " + i + " opened: " + result);
      assertTrue(result.getString("error").contains(why[i]), i + ": " + result.getString("error"));
    }
  }

  @Test
  void opensSeedKeysIntoTheSameFormsAsTheJavaKit() throws Exception {
    byte[] privateKey = random(32);
    DeviceKey device = DeviceKey.fromPrivateKey(privateKey);
    List<Exports.Key> keys = new java.util.ArrayList<>();
    List<byte[]> seeds = new java.util.ArrayList<>();
    String[][] forms = {
      {"solana", "solana-keypair"},
      {"solana", "solana-keypair-json"},
      {"near", "near-keypair"},
      {"near", "ed25519-scalar"},
    };
    byte[][] random = ExportOpenerSeedTest.seeds();
    for (int i = 0; i < random.length; i++) {
      for (String[] form : forms) {
        keys.add(Exports.seeded(form[0], form[1], random[i]));
        seeds.add(random[i]);
      }
    }
    // RFC 8032 TEST 1's key with its seed, in the form that ignores the seed: v1's plaintext.
    keys.add(Exports.SOLANA);
    seeds.add(Exports.TEST1_SEED);
    JsonArrayBuilder cases = Json.createArrayBuilder();
    JsonObject[] responses = new JsonObject[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      responses[i] = Exports.seededResponse(WALLET, keys.get(i), seeds.get(i), device.publicKey());
      cases.add(open(privateKey, device, responses[i], WALLET));
    }
    JsonArray opened = run(Json.createObjectBuilder().add("opens", cases)).getJsonArray("opens");
    for (int i = 0; i < keys.size(); i++) {
      Exports.Key key = keys.get(i);
      JsonObject byJs = opened.getJsonObject(i).getJsonObject("opened");
      assertTrue(byJs != null, i + ": " + opened.getJsonObject(i));
      byte[] byJava = ExportOpener.open(WALLET, Exports.exportResponse(responses[i]), device);
      assertEquals(json(new String(byJava, StandardCharsets.UTF_8)), byJs, key.format());
      ExportOpenerSeedTest.assertV1(key, byJs);
      if (KeyForms.needsSeed(key.format())) {
        ExportOpenerSeedTest.assertKeypair(
            seeds.get(i),
            key,
            ExportOpenerSeedTest.keypairOf(key.format(), byJs.getString("privateKey")));
      }
    }
    assertEquals(
        json(Exports.SOLANA.plaintext()), opened.getJsonObject(keys.size() - 1).get("opened"));
  }

  @Test
  void rejectsSeedExportsAsTheJavaKitDoes() throws Exception {
    byte[] privateKey = random(32);
    DeviceKey device = DeviceKey.fromPrivateKey(privateKey);
    List<SeedRefusals.Refusal> refusals = SeedRefusals.all(WALLET, device.publicKey());
    JsonArrayBuilder cases = Json.createArrayBuilder();
    for (SeedRefusals.Refusal refusal : refusals) {
      cases.add(open(privateKey, device, refusal.response(), WALLET));
    }
    JsonArray results = run(Json.createObjectBuilder().add("opens", cases)).getJsonArray("opens");
    for (int i = 0; i < refusals.size(); i++) {
      SeedRefusals.Refusal refusal = refusals.get(i);
      JsonObject result = results.getJsonObject(i);
      assertTrue(result.containsKey("error"), refusal.name() + " opened: " + result);
      String error = result.getString("error");
      assertTrue(error.contains(refusal.why()), refusal.name() + ": " + error);
      IllegalArgumentException byJava =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> ExportOpener.open(WALLET, Exports.exportResponse(refusal.response()), device));
      assertTrue(byJava.getMessage().contains(refusal.why()), byJava.getMessage());
    }
  }

  @Test
  void opensRfc9180VectorA11() throws Exception {
    JsonObject vector;
    try (InputStream in = getClass().getResourceAsStream("/kit/rfc9180-a1-1.json")) {
      vector = Json.createReader(in).readObject();
    }
    java.util.HexFormat hex = java.util.HexFormat.of();
    JsonObject raw =
        Json.createObjectBuilder()
            .add(
                "key",
                jwk(hex.parseHex(vector.getString("skRm")), hex.parseHex(vector.getString("pkRm"))))
            .add("aead", vector.getInt("aead"))
            .add("enc", vector.getString("enc"))
            .add("info", vector.getString("info"))
            .add("aad", vector.getString("aad"))
            .add("ciphertext", vector.getString("ciphertext"))
            .build();
    JsonObject result =
        run(Json.createObjectBuilder().add("raw", Json.createArrayBuilder().add(raw)))
            .getJsonArray("raw")
            .getJsonObject(0);
    assertEquals(vector.getString("plaintext"), result.getString("plaintext"), result.toString());
  }

  private static JsonObjectBuilder open(
      byte[] privateKey, DeviceKey device, JsonObject response, String walletId) {
    return Json.createObjectBuilder()
        .add("key", jwk(privateKey, device.publicKey()))
        .add("response", response)
        .add("walletId", walletId);
  }

  private static JsonObjectBuilder jwk(byte[] privateKey, byte[] publicKey) {
    return Json.createObjectBuilder()
        .add("d", B64URL.encodeToString(privateKey))
        .add("x", B64URL.encodeToString(publicKey));
  }

  private static String hpke(JsonObject response, String field) {
    return response.getJsonObject("hpke").getString(field);
  }

  private static JsonObject withHpke(JsonObject response, String field, Object value) {
    JsonObjectBuilder h = Json.createObjectBuilder(response.getJsonObject("hpke"));
    if (value instanceof Integer n) {
      h.add(field, n);
    } else {
      h.add(field, (String) value);
    }
    return Json.createObjectBuilder(response).add("hpke", h).build();
  }

  /** Runs the kit on these cases in Node.js and returns what it printed. */
  private static JsonObject run(JsonObjectBuilder cases) throws IOException, InterruptedException {
    Path input = Files.createTempFile(work, "cases", ".json");
    Files.writeString(input, cases.build().toString());
    Path harness = Path.of(System.getProperty("basedir", "."), "src/test/js/kit-check.mjs");
    Process node =
        new ProcessBuilder("node", harness.toString(), kit.toString(), input.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(2, TimeUnit.MINUTES), "node did not finish");
    assertEquals(0, node.exitValue(), "node failed: " + out);
    return json(out);
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
