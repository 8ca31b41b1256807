package org.planbok.refusal;

/**
 * The reasons control refuses a request. No status codes here: the web module maps each to a
 * published problem type, so a reason can be reused by any front end without knowing HTTP.
 */
public enum Refusal {
  /** The thing asked for does not exist, or not for this caller. */
  NOT_FOUND,
  /** An input breaks its rule; {@link Refused#input()} says which part. */
  INVALID_INPUT,
  ALREADY_EXISTS,
  /** The secret of {@link Refused#secret()} is wrong; the facts carry {@code attemptsLeft}. */
  WRONG_SECRET,
  /** The secret of {@link Refused#secret()} is locked after too many wrong attempts. */
  LOCKED,
  SECRET_NOT_SET,
  SECRET_ALREADY_SET,
  WRONG_PASSWORD,
  WRONG_RECOVERY_CODE,
  RECOVERY_CODE_INVALID,
  RECOVERY_NOT_STARTED,
  RECOVERY_WAITING,
  CUSTOMER_DISABLED,
  KEY_EXISTS,
  KEY_FROZEN,
  NO_KEY,
  EXPORT_NOT_AUTHORIZED,
  POLICY_REFUSED,
  POLICY_VERSION_MISMATCH,
  IDEMPOTENCY_KEY_REUSED,
  IDEMPOTENCY_IN_PROGRESS,
  LAST_ADMIN,
  ADMIN_EXISTS,
  RATE_LIMITED,
  /** Node 2 answered something the protocol or our own records do not allow. */
  PEER_MISBEHAVED,
  MAIL_UNAVAILABLE
}
