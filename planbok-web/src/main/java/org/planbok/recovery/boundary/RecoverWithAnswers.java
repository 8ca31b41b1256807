package org.planbok.recovery.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of a recovery by questions: the answers' secret and the new PIN's. */
@Schema(name = "RecoverWithAnswers", description = "Recover with the answers and set a new PIN")
public class RecoverWithAnswers {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "Argon2id of the normalised answers with recoverySalt")
  private String answersSecret;

  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "The new PIN's encryptedSecret: HMAC-SHA256(pinKey, …) of its Argon2id")
  private String newEncryptedSecret;

  public String getAnswersSecret() {
    return answersSecret;
  }

  public void setAnswersSecret(String answersSecret) {
    this.answersSecret = answersSecret;
  }

  public String getNewEncryptedSecret() {
    return newEncryptedSecret;
  }

  public void setNewEncryptedSecret(String newEncryptedSecret) {
    this.newEncryptedSecret = newEncryptedSecret;
  }
}
