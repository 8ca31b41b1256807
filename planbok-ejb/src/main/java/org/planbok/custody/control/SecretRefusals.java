package org.planbok.custody.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.node2client.SecretCheck;
import org.planbok.problem.ProblemException;
import org.planbok.problem.ProblemType;

/** The API's answer to a secret Node 2 did not accept, for each purpose. */
public final class SecretRefusals {
  private SecretRefusals() {}

  public static ProblemException of(SecretCheck outcome, SecretPurpose purpose, String field) {
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
    if (outcome instanceof SecretCheck.RecoveryNotReady notReady) {
      return notReady.started() ? waiting(notReady.maturesAt()) : notStarted();
    }
    throw new IllegalArgumentException("an accepted secret is no refusal");
  }

  /** A recovery by email that has to wait out its delay (Node 2 enforces it). */
  public static ProblemException waiting(Instant maturesAt) {
    long seconds = Math.max(1, Duration.between(Instant.now(), maturesAt).toSeconds() + 1);
    return new ProblemException(
        ProblemType.RECOVERY_WAITING,
        "The recovery can complete after "
            + maturesAt
            + ", unless a PIN holder cancels it before then.",
        null,
        Map.of("maturesAt", maturesAt.toString(), "retryAfterSeconds", seconds));
  }

  /** No recovery by email is open: never started, cancelled, already used, or expired. */
  public static ProblemException notStarted() {
    return new ProblemException(
        ProblemType.RECOVERY_NOT_STARTED,
        "No recovery by email is waiting: start one (…/recovery/email/start, then /confirm) and"
            + " wait out its delay. A cancelled or expired recovery has to start again.");
  }

  public static ProblemException locked(SecretPurpose purpose, Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    return new ProblemException(
        ProblemType.LOCKED,
        describe(purpose) + " is locked after too many wrong attempts; retry after " + until + ".",
        null,
        Map.of("lockedUntil", until.toString(), "retryAfterSeconds", seconds));
  }

  public static ProblemException notSet(SecretPurpose purpose) {
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
      case EMAIL -> ProblemType.WRONG_RECOVERY_KIT;
    };
  }

  private static String describe(SecretPurpose purpose) {
    return switch (purpose) {
      case PIN -> "The PIN";
      case ORG_SECRET -> "The Organization Secret";
      case QUESTIONS -> "The set of security answers";
      case EMAIL -> "The recovery kit";
    };
  }
}
