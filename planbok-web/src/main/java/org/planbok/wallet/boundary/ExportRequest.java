package org.planbok.wallet.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of {@code POST …/wallets/{id}/export}. */
@Schema(
    name = "ExportRequest",
    description =
        "Export the wallet's key in two parts sealed to a device key; a customer's export also"
            + " carries the device's authorization and the challenge it was sealed against")
public class ExportRequest {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\") with pinKey = Argon2id(PIN, clientSalt), 32 bytes as unpadded base64url",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "43 characters of base64url: 32 bytes")
  @Schema(
      description = "The device's X25519 public key (HPKE recipient), unpadded base64url",
      example = "8Nj2ee4GQyEm2mI1o6aTZVvLd4Xk7ZxW1ZRh2cM0H3s")
  private String devicePublicKey;

  @Pattern(regexp = "[A-Za-z0-9_-]{220,1366}", message = "unpadded base64url, 165 to 1024 bytes")
  @Schema(
      description =
          "Customers: the device's export authorization, unpadded base64url of enc (32) ‖"
              + " ciphertext: HPKE base mode (X25519, HKDF-SHA256, AES-256-GCM) to Node 2's"
              + " export key (GET /api/v1/system/export-key), info"
              + " \"planbok/export-authorization/v1\", associated data the challenge, of the"
              + " length-prefixed fields [label, pinKey, devicePublicKey, keyId, path]. The"
              + " client kit makes it from the PIN; a backend cannot. Organizations: omit.")
  private String authorization;

  @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "43 characters of base64url: 32 bytes")
  @Schema(
      description =
          "Customers: the challenge of POST …/wallets/{id}/export-challenges the authorization"
              + " was sealed against (single use, ~5 minutes). Organizations: omit.",
      example = "Vq2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0")
  private String challenge;

  @Schema(
      description =
          "hex (ethereum, tron; default), wif (bitcoin; default), ed25519-expanded (solana,"
              + " near; default), ed25519-scalar, or for wallet 0 of a solana or near key, which"
              + " has a seed, solana-keypair (Phantom), solana-keypair-json (Solana CLI) or"
              + " near-keypair (near-cli, MyNearWallet): the form the device puts the key in",
      example = "hex")
  private String format;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public String getDevicePublicKey() {
    return devicePublicKey;
  }

  public void setDevicePublicKey(String devicePublicKey) {
    this.devicePublicKey = devicePublicKey;
  }

  public String getAuthorization() {
    return authorization;
  }

  public void setAuthorization(String authorization) {
    this.authorization = authorization;
  }

  public String getChallenge() {
    return challenge;
  }

  public void setChallenge(String challenge) {
    this.challenge = challenge;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }
}
