package org.planbok.keys.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of a key generation: the PIN's encryptedSecret and the curves. */
@Schema(name = "GenerateKeys", description = "Run the two-party key generation for these curves")
public class GenerateKeys {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\"), pinKey = Argon2id(PIN, clientSalt): 32 bytes as unpadded base64url",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Size(min = 1, max = 2, message = "one or both of secp256k1, ed25519")
  @Schema(
      description = "secp256k1 (EVM, Bitcoin, Tron), ed25519 (Solana, NEAR), or both",
      example = "[\"secp256k1\", \"ed25519\"]")
  private List<@NotNull String> curves;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public List<String> getCurves() {
    return curves;
  }

  public void setCurves(List<String> curves) {
    this.curves = curves;
  }
}
