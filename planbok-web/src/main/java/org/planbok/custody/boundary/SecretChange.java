package org.planbok.custody.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.entity.ClientSecret;

/** The body of a secret change: the current and the new secret (for a PIN, Argon2id outputs). */
@Schema(
    name = "SecretChange",
    description = "The current and the new PIN, each as its Argon2id output")
public class SecretChange {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description = "Argon2id of the current PIN",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description = "Argon2id of the new PIN (same salt)",
      example = "Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0")
  private String newEncryptedSecret;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public String getNewEncryptedSecret() {
    return newEncryptedSecret;
  }

  public void setNewEncryptedSecret(String newEncryptedSecret) {
    this.newEncryptedSecret = newEncryptedSecret;
  }
}
