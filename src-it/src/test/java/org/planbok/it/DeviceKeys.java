package org.planbok.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * The customer's device in an export: it makes an X25519 key pair, sends the public half, and opens
 * the HPKE-sealed answer with the private half (RFC 9180 base mode, BouncyCastle's implementation).
 */
final class DeviceKeys {
  private static final HPKE HPKE_SUITE =
      new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

  private final AsymmetricCipherKeyPair pair = HPKE_SUITE.generatePrivateKey();

  String publicKey() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(HPKE_SUITE.serializePublicKey(pair.getPublic()));
  }

  /** The plaintext JSON of an export answer. */
  JsonObject open(JsonObject export) throws Exception {
    JsonObject hpke = export.getJsonObject("hpke");
    byte[] plaintext =
        HPKE_SUITE.open(
            Base64.getUrlDecoder().decode(hpke.getString("enc")),
            pair,
            hpke.getString("info").getBytes(StandardCharsets.US_ASCII),
            hpke.getString("aad").getBytes(StandardCharsets.UTF_8),
            Base64.getUrlDecoder().decode(hpke.getString("ciphertext")),
            null,
            null,
            null);
    SecretsSeen.add(plaintext);
    JsonObject opened =
        Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))
            .readObject();
    SecretsSeen.addRaw(opened.getString("privateKey"));
    return opened;
  }
}
