package org.planbok.customer.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of PIN setup and verification: the client's Argon2id output of the PIN. */
@Schema(name = "PinCommand", description = "A PIN proven by its Argon2id output")
public class PinCommand {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "Argon2id(PIN, clientSalt) with the parameters of GET …/pin, 32 bytes as unpadded"
              + " base64url. Never the PIN itself.",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }
}
