package org.planbok.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.planbok.kit.DeviceKey;
import org.planbok.kit.ExportOpener;
import org.planbok.kit.SealedExport;

/**
 * The customer's device in an export: it makes an X25519 key pair, sends the public half, and opens
 * the HPKE-sealed answer with the private half, through the Java client kit integrators copy
 * ({@link DeviceKey}, {@link ExportOpener}: RFC 9180 base mode on BouncyCastle's HPKE).
 */
final class DeviceKeys {
  private final DeviceKey key = DeviceKey.generate();

  String publicKey() {
    return key.publicKeyBase64Url();
  }

  /** The plaintext JSON of an export answer, opened for the wallet the answer names. */
  JsonObject open(JsonObject export) throws Exception {
    JsonObject hpke = export.getJsonObject("hpke");
    SealedExport sealed =
        new SealedExport(
            hpke.getInt("kem"),
            hpke.getInt("kdf"),
            hpke.getInt("aead"),
            hpke.getString("info"),
            hpke.getString("aad"),
            hpke.getString("enc"),
            hpke.getString("ciphertext"));
    byte[] plaintext = ExportOpener.open(export.getString("walletId"), sealed, key);
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
}
