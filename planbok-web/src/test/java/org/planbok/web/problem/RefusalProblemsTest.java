package org.planbok.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

class RefusalProblemsTest {
  @Test
  void aWrongSecretIsAnsweredByItsPurposeAndNamesTheFieldThatCarriedIt() {
    assertProblem(wrong(SecretPurpose.PIN), ProblemType.WRONG_PIN, 403, "encryptedSecret");
    assertProblem(
        wrong(SecretPurpose.ORG_SECRET),
        ProblemType.WRONG_ORGANIZATION_SECRET,
        403,
        "encryptedSecret");
    assertProblem(wrong(SecretPurpose.QUESTIONS), ProblemType.WRONG_ANSWERS, 403, "answersSecret");
    assertProblem(wrong(SecretPurpose.EMAIL), ProblemType.WRONG_RECOVERY_KIT, 403, "recoveryKit");
    assertProblem(
        wrong(SecretPurpose.PIN).aboutNewSecret(),
        ProblemType.WRONG_PIN,
        403,
        "newEncryptedSecret");
  }

  @Test
  void aFormWithItsOwnNameForTheSecretGetsThatName() {
    ProblemException problem = RefusalProblems.naming(wrong(SecretPurpose.ORG_SECRET), "orgSecret");
    assertEquals("orgSecret", problem.field());
    assertEquals(3L, ((Number) problem.extensions().get("attemptsLeft")).longValue());
  }

  @Test
  void aLockedSecretNamesNoFieldAndKeepsItsRetryAfter() {
    Refused locked =
        Refused.aboutSecret(
            Refusal.LOCKED, SecretPurpose.PIN, "locked", Map.of("retryAfterSeconds", 60L));
    ProblemException problem = RefusalProblems.of(locked);
    assertEquals(ProblemType.LOCKED, problem.type());
    assertEquals(423, problem.type().status());
    assertNull(problem.field());
    assertEquals(60L, problem.extensions().get("retryAfterSeconds"));
  }

  @Test
  void anInvalidInputNamesItsPath() {
    assertProblem(
        Refused.invalid("transaction.to", "transaction.to: not an address"),
        ProblemType.INVALID_FIELD,
        400,
        "transaction.to");
  }

  @Test
  void everyReasonHasAProblemWithAClientOrGatewayStatus() {
    for (Refusal reason : Refusal.values()) {
      Refused refused =
          reason == Refusal.WRONG_SECRET
              ? wrong(SecretPurpose.PIN)
              : new Refused(reason, "why", null, Map.of());
      ProblemType type = RefusalProblems.type(refused);
      assertNotNull(type, reason.name());
      int status = type.status();
      assertEquals(true, status >= 400 && status != 500, reason + " → " + status);
    }
    assertEquals(
        ProblemType.NODE2_PROTOCOL_ERROR,
        RefusalProblems.type(new Refused(Refusal.PEER_MISBEHAVED, "bad proof")));
    assertEquals(
        ProblemType.KEY_FROZEN, RefusalProblems.type(new Refused(Refusal.KEY_FROZEN, "frozen")));
  }

  private static Refused wrong(SecretPurpose purpose) {
    return Refused.aboutSecret(Refusal.WRONG_SECRET, purpose, "wrong", Map.of("attemptsLeft", 3));
  }

  private static void assertProblem(Refused refused, ProblemType type, int status, String field) {
    ProblemException problem = RefusalProblems.of(refused);
    assertEquals(type, problem.type());
    assertEquals(status, problem.type().status());
    assertEquals(field, problem.field());
    assertEquals(refused.getMessage(), problem.getMessage());
  }
}
