package org.planbok.kit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * Exports sealed by BouncyCastle's HPKE the way Planbok's Node 1 seals them, as the export endpoint
 * answers them (DESIGN §4): the independent implementation both kits must open.
 */
final class Exports {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  static final String ETHEREUM =
      "{\"chain\":\"ethereum\",\"address\":\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\","
          + "\"format\":\"hex\",\"privateKey\":"
          + "\"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\"}";
  static final String BITCOIN =
      "{\"chain\":\"bitcoin\",\"address\":\"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\","
          + "\"format\":\"wif\",\"privateKey\":"
          + "\"KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn\"}";
  static final String SOLANA =
      "{\"chain\":\"solana\",\"address\":\"3Pz5ss1g4vnymHKUAF6QFpZMLzVshKN2ZCZrhtKDPEWf\","
          + "\"format\":\"ed25519-expanded\",\"privateKey\":\""
          + "11".repeat(64)
          + "\",\"publicKey\":\""
          + "22".repeat(32)
          + "\"}";

  private Exports() {}

  /** The export endpoint's answer for a wallet whose key (JSON plaintext) is sealed to a device. */
  static JsonObject response(String walletId, String plaintext, byte[] devicePublicKey) {
    JsonObject key = Json.createReader(new java.io.StringReader(plaintext)).readObject();
    byte[][] sealed = seal(devicePublicKey, walletId, plaintext);
    return Json.createObjectBuilder()
        .add("walletId", walletId)
        .add("chain", key.getString("chain"))
        .add("address", key.getString("address"))
        .add("format", key.getString("format"))
        .add(
            "hpke",
            Json.createObjectBuilder()
                .add("suite", "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM")
                .add("kem", 32)
                .add("kdf", 1)
                .add("aead", 2)
                .add("info", ExportOpener.INFO)
                .add("aad", walletId)
                .add("enc", B64URL.encodeToString(sealed[1]))
                .add("ciphertext", B64URL.encodeToString(sealed[0])))
        .build();
  }

  /** RFC 9180 SealBase as BouncyCastle does it: {ciphertext, enc}. */
  static byte[][] seal(byte[] devicePublicKey, String aad, String plaintext) {
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    try {
      return hpke.seal(
          hpke.deserializePublicKey(devicePublicKey),
          ExportOpener.INFO.getBytes(StandardCharsets.UTF_8),
          aad.getBytes(StandardCharsets.UTF_8),
          plaintext.getBytes(StandardCharsets.UTF_8),
          null,
          null,
          null);
    } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hpke object's fields as the Java kit takes them. */
  static SealedExport sealedExport(JsonObject response) {
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
}
