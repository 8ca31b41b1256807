package org.planbok.node2.api.vocabulary;

import java.util.Optional;
import java.util.Set;

/**
 * Whose secrets Node 2 keeps, told by the subject's prefix, and what each of them may buy (DESIGN
 * §5). A subject has exactly one <em>unlock</em> purpose, fixed by its kind: a customer's PIN, an
 * organization's secret. Only the unlock purpose is enrolled without a ticket (while the subject
 * has none), and only a check of it buys tickets for the key operations and for setting up,
 * replacing or removing the other secrets. A customer's <em>recovery</em> purposes buy nothing but
 * a new PIN.
 *
 * <p>Without this a Node 1 that holds nothing but its mTLS identity could enroll a second "unlock"
 * secret of its own choosing (an organization secret on a customer, a PIN on an organization, or
 * security answers whose check buys a new PIN) and check it to buy tickets for the subject's keys.
 */
public enum SubjectKind {
  CUSTOMER("customer:", Purpose.PIN, Set.of(Purpose.QUESTIONS, Purpose.EMAIL)),
  ORGANIZATION("organization:", Purpose.ORG_SECRET, Set.of());

  private final String prefix;
  private final Purpose unlockPurpose;
  private final Set<Purpose> recoveryPurposes;

  SubjectKind(String prefix, Purpose unlockPurpose, Set<Purpose> recoveryPurposes) {
    this.prefix = prefix;
    this.unlockPurpose = unlockPurpose;
    this.recoveryPurposes = recoveryPurposes;
  }

  /** The kind of {@code subject}: its prefix followed by at least one character. */
  public static Optional<SubjectKind> of(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    for (SubjectKind kind : values()) {
      if (subject.startsWith(kind.prefix) && subject.length() > kind.prefix.length()) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * @throws IllegalArgumentException when the subject is neither "customer:…" nor "organization:…"
   */
  public static SubjectKind require(String subject) {
    return of(subject)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "subject must be \"customer:<id>\" or \"organization:<id>\""));
  }

  public String prefix() {
    return prefix;
  }

  /** The one secret that unlocks this kind of subject: the PIN or the organization secret. */
  public Purpose unlockPurpose() {
    return unlockPurpose;
  }

  /** Whether this kind of subject can have a secret of {@code purpose} at all. */
  public boolean has(Purpose purpose) {
    return isUnlock(purpose) || isRecovery(purpose);
  }

  public boolean isUnlock(Purpose purpose) {
    return unlockPurpose == purpose;
  }

  public boolean isRecovery(Purpose purpose) {
    return recoveryPurposes.contains(purpose);
  }

  /**
   * Whether a ticket bought by a check of {@code boughtBy} may authorise {@code operation} on
   * {@code keyId} (for ENROLL and CANCEL_RECOVERY the key id is a purpose's label). The unlock
   * purpose buys every key operation, ENROLL for any of the subject's purposes (its own
   * replacement, the recovery methods' set-up, replacement and removal) and CANCEL_RECOVERY of a
   * recovery purpose; a recovery purpose buys only ENROLL of the unlock purpose (a new PIN); a
   * purpose the subject cannot have buys nothing.
   */
  public boolean mayRedeem(Purpose boughtBy, Operation operation, String keyId) {
    Optional<Purpose> named = Purpose.parse(keyId);
    if (isUnlock(boughtBy)) {
      return switch (operation) {
        case SIGN, EXPORT, REFRESH, KEYGEN -> true;
        case ENROLL -> named.map(this::has).orElse(false);
        case CANCEL_RECOVERY -> named.map(this::isRecovery).orElse(false);
      };
    }
    if (isRecovery(boughtBy)) {
      return operation == Operation.ENROLL && named.map(this::isUnlock).orElse(false);
    }
    return false;
  }
}
