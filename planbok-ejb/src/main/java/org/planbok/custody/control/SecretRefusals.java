package org.planbok.custody.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.node2client.SecretCheck;
import org.planbok.problem.ProblemException;
import org.planbok.problem.ProblemType;

/** The API's answer to a secret Node 2 did not accept, for each purpose. */
final class SecretRefusals {
  private SecretRefusals() {}

  static ProblemException of(SecretCheck outcome, SecretPurpose purpose, String field) {
    if (outcome instanceof SecretCheck.WrongSecret wrong) {
      return new ProblemException(
          wrongType(purpose),
          describe(purpose)
              + " is wrong; "
              + wrong.attemptsLeft()
              + " attempt(s) left before it locks.",
          field,
          Map.of("attemptsLeft", wrong.attemptsLeft()));
    }
    if (outcome instanceof SecretCheck.Locked locked) {
      return locked(purpose, locked.until());
    }
    if (outcome instanceof SecretCheck.NotEnrolled) {
      return notSet(purpose);
    }
    throw new IllegalArgumentException("an accepted secret is no refusal");
  }

  static ProblemException locked(SecretPurpose purpose, Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    return new ProblemException(
        ProblemType.LOCKED,
        describe(purpose) + " is locked after too many wrong attempts; retry after " + until + ".",
        null,
        Map.of("lockedUntil", until.toString(), "retryAfterSeconds", seconds));
  }

  static ProblemException notSet(SecretPurpose purpose) {
    return new ProblemException(
        ProblemType.SECRET_NOT_SET,
        describe(purpose) + " is not set up yet.",
        null,
        Map.of("purpose", purpose.label()));
  }

  static ProblemException alreadySet(SecretPurpose purpose) {
    return new ProblemException(
        ProblemType.SECRET_ALREADY_SET,
        describe(purpose) + " is already set up; change it instead.",
        null,
        Map.of("purpose", purpose.label()));
  }

  private static ProblemType wrongType(SecretPurpose purpose) {
    return switch (purpose) {
      case PIN -> ProblemType.WRONG_PIN;
      case ORG_SECRET -> ProblemType.WRONG_ORGANIZATION_SECRET;
      case QUESTIONS -> ProblemType.WRONG_ANSWERS;
    };
  }

  private static String describe(SecretPurpose purpose) {
    return switch (purpose) {
      case PIN -> "The PIN";
      case ORG_SECRET -> "The Organization Secret";
      case QUESTIONS -> "The set of security answers";
    };
  }
}
