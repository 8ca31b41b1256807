package org.planbok.custody.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.entity.ClientSecret;

/**
 * The body of a secret's setup or verification, or of a refresh: the PIN's encryptedSecret (an HMAC
 * of the client's Argon2id of the PIN), or the Organization Secret.
 */
@Schema(
    name = "SecretCommand",
    description = "A secret: a PIN's encryptedSecret, or the Organization Secret")
public class SecretCommand {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\") with pinKey = Argon2id(PIN,"
              + " clientSalt) and the parameters of GET …/pin, or the Organization Secret; 32"
              + " bytes as unpadded base64url. Never the PIN or its pinKey.",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }
}
