package org.planbok.web.problem;

import java.net.URI;

/**
 * The stable problem {@code type} URIs of the API. Clients switch on these, so a name never changes
 * meaning once published.
 */
public enum ProblemType {
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  MALFORMED_JSON(400, "Malformed JSON"),
  INVALID_FIELD(400, "Invalid field"),
  BAD_REQUEST(400, "Bad request"),
  UNKNOWN_FIELD(400, "Unknown field"),
  INVALID_ENCODING(400, "Invalid encoding"),
  INVALID_HEADER(400, "Invalid header"),
  UNAUTHENTICATED(401, "Unauthenticated"),
  SIGN_IN_FAILED(401, "Sign-in failed"),
  FORBIDDEN(403, "Forbidden"),
  CSRF_REJECTED(403, "Cross-site request refused"),
  WRONG_PASSWORD(403, "Wrong password"),
  WRONG_PIN(403, "Wrong PIN"),
  WRONG_ORGANIZATION_SECRET(403, "Wrong Organization Secret"),
  WRONG_ANSWERS(403, "Wrong answers"),
  WRONG_RECOVERY_KIT(403, "Wrong recovery kit"),
  WRONG_RECOVERY_CODE(403, "Wrong recovery code"),
  EXPORT_NOT_AUTHORIZED(403, "Export not authorized"),
  POLICY_REFUSED(403, "Refused by policy"),
  ALREADY_EXISTS(409, "Already exists"),
  POLICY_VERSION_MISMATCH(409, "Policy version mismatch"),
  SECRET_NOT_SET(409, "Secret not set up"),
  SECRET_ALREADY_SET(409, "Secret already set up"),
  CUSTOMER_DISABLED(409, "Customer disabled"),
  KEY_EXISTS(409, "Key exists"),
  KEY_FROZEN(409, "Key frozen"),
  NO_KEY(409, "No key"),
  IDEMPOTENCY_IN_PROGRESS(409, "Idempotency key in use"),
  RECOVERY_CODE_INVALID(409, "No valid recovery code"),
  RECOVERY_NOT_STARTED(409, "Recovery not started"),
  RECOVERY_WAITING(409, "Recovery waiting"),
  LAST_ADMIN(409, "Last admin"),
  ADMIN_EXISTS(409, "Admin exists"),
  UNLOCK_TOO_SOON(409, "Unlocked recently"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  LOCKED(423, "Locked"),
  RATE_LIMITED(429, "Too many requests"),
  SIGN_IN_THROTTLED(429, "Too many sign-in attempts"),
  NODE2_PROTOCOL_ERROR(502, "Node 2 protocol error"),
  NODE2_UNAVAILABLE(503, "Node 2 unavailable"),
  MAIL_UNAVAILABLE(503, "Mail unavailable"),
  INTERNAL_ERROR(500, "Internal error");

  private static final String BASE = "https://planbok.org/problems/";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(BASE + name().toLowerCase().replace('_', '-'));
  }
}
