package org.planbok.recovery.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** Step 2 of a recovery by email: the mailed code and the recovery kit. */
@Schema(name = "ConfirmEmailRecovery", description = "The mailed code and the recovery kit")
public class ConfirmEmailRecovery {
  @NotNull
  @Pattern(regexp = "[0-9]{6}", message = "6 digits")
  @Schema(description = "The 6-digit code from the mail", example = "042917")
  private String code;

  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "The recovery kit from the kit mail, 43 characters")
  private String recoveryKit;

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getRecoveryKit() {
    return recoveryKit;
  }

  public void setRecoveryKit(String recoveryKit) {
    this.recoveryKit = recoveryKit;
  }
}
