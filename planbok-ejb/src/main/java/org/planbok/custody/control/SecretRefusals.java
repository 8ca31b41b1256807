package org.planbok.custody.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.node2client.SecretCheck;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/** The refusal for a secret Node 2 did not accept, for each purpose. */
public final class SecretRefusals {
  private SecretRefusals() {}

  public static Refused of(SecretCheck outcome, SecretPurpose purpose) {
    if (outcome instanceof SecretCheck.WrongSecret wrong) {
      return Refused.aboutSecret(
          Refusal.WRONG_SECRET,
          purpose,
          describe(purpose)
              + " is wrong; "
              + wrong.attemptsLeft()
              + " attempt(s) left before it locks.",
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
  public static Refused waiting(Instant maturesAt) {
    long seconds = Math.max(1, Duration.between(Instant.now(), maturesAt).toSeconds() + 1);
    return new Refused(
        Refusal.RECOVERY_WAITING,
        "The recovery can complete after "
            + maturesAt
            + ", unless a PIN holder cancels it before then.",
        null,
        Map.of("maturesAt", maturesAt.toString(), "retryAfterSeconds", seconds));
  }

  /** No recovery by email is open: never started, cancelled, already used, or expired. */
  public static Refused notStarted() {
    return new Refused(
        Refusal.RECOVERY_NOT_STARTED,
        "No recovery by email is waiting: start one (…/recovery/email/start, then /confirm) and"
            + " wait out its delay. A cancelled or expired recovery has to start again.");
  }

  public static Refused locked(SecretPurpose purpose, Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    return Refused.aboutSecret(
        Refusal.LOCKED,
        purpose,
        describe(purpose) + " is locked after too many wrong attempts; retry after " + until + ".",
        Map.of("lockedUntil", until.toString(), "retryAfterSeconds", seconds));
  }

  public static Refused notSet(SecretPurpose purpose) {
    return Refused.aboutSecret(
        Refusal.SECRET_NOT_SET,
        purpose,
        describe(purpose) + " is not set up yet.",
        Map.of("purpose", purpose.label()));
  }

  static Refused alreadySet(SecretPurpose purpose) {
    return Refused.aboutSecret(
        Refusal.SECRET_ALREADY_SET,
        purpose,
        describe(purpose) + " is already set up; change it instead.",
        Map.of("purpose", purpose.label()));
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
