package org.planbok.recovery.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of a questions setup: the PIN, the questions in answer order, the answers' secret. */
@Schema(name = "SetUpQuestions", description = "Set up or replace the security questions")
public class SetUpQuestions {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(description = "The PIN's encryptedSecret: the PIN authorises the change")
  private String encryptedSecret;

  @NotNull
  @Schema(description = "3 to 10 questions, in the order the answers are joined")
  private List<QuestionChoice> questions;

  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "Argon2id of the normalised, length-prefixed answers with recoverySalt (client kit:"
              + " RecoveryAnswers / deriveAnswersSecret); never the answers themselves")
  private String answersSecret;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public List<QuestionChoice> getQuestions() {
    return questions;
  }

  public void setQuestions(List<QuestionChoice> questions) {
    this.questions = questions;
  }

  public String getAnswersSecret() {
    return answersSecret;
  }

  public void setAnswersSecret(String answersSecret) {
    this.answersSecret = answersSecret;
  }
}
