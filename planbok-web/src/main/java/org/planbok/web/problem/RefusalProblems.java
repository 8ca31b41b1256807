package org.planbok.web.problem;

import org.planbok.custody.entity.SecretPurpose;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * How the API answers a control-layer refusal: the published problem type (its status with it) and
 * the request field it names. The API calls a secret by the same field wherever it is sent, so the
 * field follows from the secret's purpose.
 */
public final class RefusalProblems {
  private RefusalProblems() {}

  public static ProblemException of(Refused refused) {
    return problem(refused, field(refused));
  }

  /** The same, when a form calls the secret by another name (the console's organizationSecret). */
  public static ProblemException naming(Refused refused, String secretField) {
    return problem(
        refused, refused.reason() == Refusal.WRONG_SECRET ? secretField : field(refused));
  }

  private static ProblemException problem(Refused refused, String field) {
    return new ProblemException(type(refused), refused.getMessage(), field, refused.facts());
  }

  static ProblemType type(Refused refused) {
    return switch (refused.reason()) {
      case NOT_FOUND -> ProblemType.NOT_FOUND;
      case INVALID_INPUT -> ProblemType.INVALID_FIELD;
      case ALREADY_EXISTS -> ProblemType.ALREADY_EXISTS;
      case WRONG_SECRET -> wrongSecret(refused.secret());
      case LOCKED -> ProblemType.LOCKED;
      case SECRET_NOT_SET -> ProblemType.SECRET_NOT_SET;
      case SECRET_ALREADY_SET -> ProblemType.SECRET_ALREADY_SET;
      case WRONG_PASSWORD -> ProblemType.WRONG_PASSWORD;
      case WRONG_RECOVERY_CODE -> ProblemType.WRONG_RECOVERY_CODE;
      case RECOVERY_CODE_INVALID -> ProblemType.RECOVERY_CODE_INVALID;
      case RECOVERY_NOT_STARTED -> ProblemType.RECOVERY_NOT_STARTED;
      case RECOVERY_WAITING -> ProblemType.RECOVERY_WAITING;
      case CUSTOMER_DISABLED -> ProblemType.CUSTOMER_DISABLED;
      case KEY_EXISTS -> ProblemType.KEY_EXISTS;
      case KEY_FROZEN -> ProblemType.KEY_FROZEN;
      case NO_KEY -> ProblemType.NO_KEY;
      case EXPORT_NOT_AUTHORIZED -> ProblemType.EXPORT_NOT_AUTHORIZED;
      case POLICY_REFUSED -> ProblemType.POLICY_REFUSED;
      case POLICY_VERSION_MISMATCH -> ProblemType.POLICY_VERSION_MISMATCH;
      case IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
      case IDEMPOTENCY_IN_PROGRESS -> ProblemType.IDEMPOTENCY_IN_PROGRESS;
      case LAST_ADMIN -> ProblemType.LAST_ADMIN;
      case ADMIN_EXISTS -> ProblemType.ADMIN_EXISTS;
      case RATE_LIMITED -> ProblemType.RATE_LIMITED;
      case PEER_MISBEHAVED -> ProblemType.NODE2_PROTOCOL_ERROR;
      case MAIL_UNAVAILABLE -> ProblemType.MAIL_UNAVAILABLE;
    };
  }

  /** The request field of the input or secret the refusal is about, or null. */
  static String field(Refused refused) {
    if (refused.input() != null) {
      return refused.input();
    }
    if (refused.reason() != Refusal.WRONG_SECRET) {
      return null; // a locked or missing secret is no fault of the value sent
    }
    if (refused.newSecret()) {
      return "newEncryptedSecret";
    }
    return switch (refused.secret()) {
      case PIN, ORG_SECRET -> "encryptedSecret";
      case QUESTIONS -> "answersSecret";
      case EMAIL -> "recoveryKit";
    };
  }

  private static ProblemType wrongSecret(SecretPurpose purpose) {
    return switch (purpose) {
      case PIN -> ProblemType.WRONG_PIN;
      case ORG_SECRET -> ProblemType.WRONG_ORGANIZATION_SECRET;
      case QUESTIONS -> ProblemType.WRONG_ANSWERS;
      case EMAIL -> ProblemType.WRONG_RECOVERY_KIT;
    };
  }
}
