package org.planbok.wallet.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of {@code POST …/wallets/{id}/export}. */
@Schema(name = "ExportRequest", description = "Export the wallet's key, sealed to a device key")
public class ExportRequest {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description = "Argon2id(PIN, clientSalt), 32 bytes as unpadded base64url",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "43 characters of base64url: 32 bytes")
  @Schema(
      description = "The device's X25519 public key (HPKE recipient), unpadded base64url",
      example = "8Nj2ee4GQyEm2mI1o6aTZVvLd4Xk7ZxW1ZRh2cM0H3s")
  private String devicePublicKey;

  @Schema(
      description =
          "hex (ethereum, tron; default), wif (bitcoin; default), ed25519-expanded (solana,"
              + " near; default) or ed25519-scalar",
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

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }
}
