package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ExportOpener} on exports v2 that BouncyCastle seals as the nodes do ({@link Exports}): the
 * two parts of published keys, masked at random, open and add up to exactly the v1 plaintext of the
 * key; every part that is not for this device, wallet, key or curve is refused.
 */
class ExportOpenerTest {
  private static final String WALLET = "3f1c2b7e-8a51-4c0e-9d7f-5b2a6e4c1d90";
  private final DeviceKey device = DeviceKey.generate();

  private String open(JsonObject response) throws AEADBadTagException {
    return new String(
        ExportOpener.open(WALLET, Exports.exportResponse(response), device),
        StandardCharsets.UTF_8);
  }

  @Test
  void addsBothPartsOfPublishedKeysIntoTheirV1Plaintext() throws Exception {
    for (Exports.Key key : new Exports.Key[] {Exports.ETHEREUM, Exports.BITCOIN, Exports.SOLANA}) {
      for (int i = 0; i < 5; i++) {
        assertEquals(key.plaintext(), open(Exports.response(WALLET, key, device.publicKey())));
      }
    }
  }

  @Test
  void formsEveryFormatOfV1() throws Exception {
    Exports.Key scalar =
        Exports.SOLANA.withChainAddress(
            "near",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "ed25519-scalar",
            "{\"chain\":\"near\",\"address\":"
                + "\"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\","
                + "\"format\":\"ed25519-scalar\",\"privateKey\":"
                + "\"7c2cac12e69be96ae9065065462385e8fcff2768d980c0a3a520f006904de90f\","
                + "\"publicKey\":"
                + "\"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\"}");
    assertEquals(scalar.plaintext(), open(Exports.response(WALLET, scalar, device.publicKey())));
    // Key 1 on testnet as P2PKH, in hex and in WIF (0xef): Bitcoin Core's well-known forms.
    Exports.Key testnet =
        Exports.BITCOIN.withChainAddress(
            "bitcoin-testnet",
            "mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r",
            "wif",
            "{\"chain\":\"bitcoin-testnet\",\"address\":\"mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r\","
                + "\"format\":\"wif\",\"privateKey\":"
                + "\"cMahea7zqjxrtgAbB7LSGbcQUr1uX1ojuat9jZodMN87JcbXMTcA\"}");
    assertEquals(testnet.plaintext(), open(Exports.response(WALLET, testnet, device.publicKey())));
    Exports.Key tron =
        Exports.BITCOIN.withChainAddress(
            "tron",
            "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC",
            "hex",
            "{\"chain\":\"tron\",\"address\":\"TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC\","
                + "\"format\":\"hex\",\"privateKey\":"
                + "\"0x0000000000000000000000000000000000000000000000000000000000000001\"}");
    assertEquals(tron.plaintext(), open(Exports.response(WALLET, tron, device.publicKey())));
  }

  @Test
  void rejectsExportOfAnotherWallet() {
    JsonObject other = Exports.response("another-wallet", Exports.ETHEREUM, device.publicKey());
    assertRefused(IllegalArgumentException.class, "sealed for wallet another-wallet", other);
  }

  @Test
  void rejectsNode1PartWhoseAadWasRelabelled() {
    // Sealed for another wallet, then labelled as ours: the AAD we open with is our wallet id.
    JsonObject real = Exports.response("another-wallet", Exports.ETHEREUM, device.publicKey());
    JsonObject relabelled =
        Json.createObjectBuilder(real)
            .add("walletId", WALLET)
            .add("hpke", Json.createObjectBuilder(real.getJsonObject("hpke")).add("aad", WALLET))
            .build();
    assertRefused(AEADBadTagException.class, "does not open", relabelled);
  }

  @Test
  void rejectsNode2PartOfAnotherKeyOrPath() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    JsonObject relabelled = withPart(good, "node2Hpke", "aad", Exports.KEY_ID + ":m/44/60/0/0/4");
    assertRefused(IllegalArgumentException.class, "Node 2's part is sealed for", relabelled);
  }

  @Test
  void rejectsExportSealedToAnotherDevice() {
    JsonObject response = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    assertThrows(
        AEADBadTagException.class,
        () -> ExportOpener.open(WALLET, Exports.exportResponse(response), DeviceKey.generate()));
  }

  @Test
  void rejectsNode2PartSealedToAnotherDevice() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    JsonObject foreign =
        Exports.response(WALLET, Exports.ETHEREUM, DeviceKey.generate().publicKey());
    JsonObject mixed =
        Json.createObjectBuilder(good).add("node2Hpke", foreign.getJsonObject("node2Hpke")).build();
    assertRefused(AEADBadTagException.class, "export/v2/node2", mixed);
  }

  @Test
  void rejectsAlteredCiphertextOfEitherPart() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    for (String part : new String[] {"hpke", "node2Hpke"}) {
      byte[] ct = Base64.getUrlDecoder().decode(good.getJsonObject(part).getString("ciphertext"));
      ct[3] ^= 1;
      assertRefused(
          AEADBadTagException.class,
          "does not open",
          withPart(good, part, "ciphertext", Exports.B64URL.encodeToString(ct)));
    }
  }

  @Test
  void rejectsSmallOrderEnc() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    assertRefused(
        AEADBadTagException.class,
        "does not open",
        withPart(good, "node2Hpke", "enc", Exports.B64URL.encodeToString(new byte[32])));
  }

  @Test
  void rejectsAnotherSuiteOrInfo() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    assertRefused(IllegalArgumentException.class, "suite", withPart(good, "hpke", "aead", 1));
    assertRefused(
        IllegalArgumentException.class,
        "suite",
        withPart(good, "node2Hpke", "info", ExportOpener.NODE1_INFO));
    assertRefused(
        IllegalArgumentException.class,
        "suite",
        withPart(good, "hpke", "info", "planbok/export/v1"));
  }

  @Test
  void rejectsPartsThatDoNotAddUpToTheWalletsKey() {
    Exports.Key key = Exports.ETHEREUM;
    BigInteger m2 = Exports.randomMask(key);
    BigInteger m1 = key.x().subtract(m2).add(BigInteger.ONE).mod(key.order());
    assertRefused(
        IllegalArgumentException.class,
        "do not add up",
        Exports.response(WALLET, key, m2, m1, device.publicKey()));
  }

  @Test
  void rejectsAPartThatIsNotBelowTheOrder() {
    Exports.Key key = Exports.SOLANA;
    BigInteger m2 = Exports.randomMask(key);
    // m1 + n: the same scalar mod n, but not canonical
    BigInteger m1 = key.x().subtract(m2).mod(key.order()).add(key.order());
    assertRefused(
        IllegalArgumentException.class,
        "below the curve's order",
        Exports.response(WALLET, key, m2, m1, device.publicKey()));
  }

  @Test
  void rejectsNode2PartOfAnotherCurveOrVersion() {
    Exports.Key key = Exports.ETHEREUM;
    BigInteger m2 = Exports.randomMask(key);
    BigInteger m1 = key.x().subtract(m2).mod(key.order());
    String node1 = Exports.node1Json(key, m1).build().toString();
    byte[] ed = Exports.node2(key, m2);
    ed[1] = 2;
    byte[] v2 = Exports.node2(key, m2);
    v2[0] = 2;
    for (byte[] node2 : new byte[][] {ed, v2, java.util.Arrays.copyOf(ed, 33)}) {
      assertRefused(
          IllegalArgumentException.class,
          "not version 1 of a secp256k1 share",
          Exports.response(WALLET, key, node1, node2, device.publicKey()));
    }
  }

  @Test
  void rejectsAResponseThatDisagreesWithNode1() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    JsonObject otherAddress =
        Json.createObjectBuilder(good)
            .add("address", "0x0000000000000000000000000000000000000000")
            .build();
    assertRefused(IllegalArgumentException.class, "address", otherAddress);
    JsonObject otherFormat = Json.createObjectBuilder(good).add("format", "wif").build();
    assertRefused(IllegalArgumentException.class, "format", otherFormat);
  }

  @Test
  void rejectsAKeyWhoseAddressIsNotTheWallets() {
    // A consistent key, public key and Node 1 JSON, but an address of another key: a Node 1 that
    // names another wallet's address for this key.
    Exports.Key lying =
        Exports.ETHEREUM.withChainAddress(
            "ethereum", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", "hex", "");
    assertRefused(
        IllegalArgumentException.class,
        "address on ethereum is not",
        Exports.response(WALLET, lying, device.publicKey()));
  }

  @Test
  void rejectsAFormatThatIsNotTheCurves() {
    Exports.Key wifOnEthereum =
        Exports.ETHEREUM.withChainAddress("ethereum", Exports.ETHEREUM.address(), "wif", "");
    assertRefused(
        IllegalArgumentException.class,
        "not an export form",
        Exports.response(WALLET, wifOnEthereum, device.publicKey()));
  }

  @Test
  void rejectsMalformedNode1Json() {
    Exports.Key key = Exports.ETHEREUM;
    BigInteger m2 = Exports.randomMask(key);
    BigInteger m1 = key.x().subtract(m2).mod(key.order());
    String good = Exports.node1Json(key, m1).build().toString();
    String[] bad = {
      good.replace("\"part\"", "\"parts\""),
      good.replace("}", ",\"part\":\"" + "00".repeat(32) + "\"}"),
      good.replace("}", ",\"extra\":\"x\"}"),
      good.substring(0, good.length() - 1),
      good.replace("\"keyId\"", "\"keyid\""),
      good + "x"
    };
    for (String json : bad) {
      assertRefused(
          IllegalArgumentException.class,
          "malformed",
          Exports.response(WALLET, key, json, Exports.node2(key, m2), device.publicKey()));
    }
  }

  @Test
  void insistsOnTheAddressTheAppShowed() {
    JsonObject good = Exports.response(WALLET, Exports.ETHEREUM, device.publicKey());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExportOpener.open(
                    WALLET,
                    "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf",
                    Exports.exportResponse(good),
                    device));
    assertTrue(e.getMessage().contains("not 0x7E5F"), e.getMessage());
  }

  private void assertRefused(Class<? extends Exception> type, String why, JsonObject response) {
    Executable call = () -> open(response);
    Exception e = assertThrows(type, call);
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  static JsonObject withPart(JsonObject response, String part, String field, Object value) {
    var h = Json.createObjectBuilder(response.getJsonObject(part));
    if (value instanceof Integer n) {
      h.add(field, n);
    } else {
      h.add(field, (String) value);
    }
    return Json.createObjectBuilder(response).add(part, h).build();
  }
}
