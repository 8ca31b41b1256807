package org.planbok.recovery.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** Step 4 of a recovery by email: the kit again and the new PIN's secret. */
@Schema(name = "CompleteEmailRecovery", description = "The recovery kit and the new PIN")
public class CompleteEmailRecovery {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "The recovery kit from the kit mail, 43 characters")
  private String recoveryKit;

  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "The new PIN's encryptedSecret: HMAC-SHA256(pinKey, …) of its Argon2id")
  private String newEncryptedSecret;

  public String getRecoveryKit() {
    return recoveryKit;
  }

  public void setRecoveryKit(String recoveryKit) {
    this.recoveryKit = recoveryKit;
  }

  public String getNewEncryptedSecret() {
    return newEncryptedSecret;
  }

  public void setNewEncryptedSecret(String newEncryptedSecret) {
    this.newEncryptedSecret = newEncryptedSecret;
  }
}
