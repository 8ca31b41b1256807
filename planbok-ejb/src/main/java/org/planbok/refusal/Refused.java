package org.planbok.refusal;

import jakarta.ejb.ApplicationException;
import java.util.Map;
import org.planbok.custody.entity.SecretPurpose;

/**
 * A request control would not carry out: the reason, a human-readable detail, and what it concerns
 * — the offending part of an input by its path in the domain's document ({@code "to"}, {@code
 * "transaction.contract[0]"}), or the secret that was wrong or locked. An application exception, so
 * an EJB rethrows it unwrapped and rolls back.
 */
@ApplicationException(rollback = true)
public class Refused extends RuntimeException {
  private final Refusal reason;
  private final String input;
  private final SecretPurpose secret;
  private final boolean newSecret;
  private final Map<String, Object> facts;

  public Refused(Refusal reason, String detail) {
    this(reason, detail, null, Map.of());
  }

  public Refused(Refusal reason, String detail, String input, Map<String, Object> facts) {
    this(reason, detail, input, null, false, facts);
  }

  private Refused(
      Refusal reason,
      String detail,
      String input,
      SecretPurpose secret,
      boolean newSecret,
      Map<String, Object> facts) {
    super(detail, null, false, false);
    this.reason = reason;
    this.input = input;
    this.secret = secret;
    this.newSecret = newSecret;
    this.facts = Map.copyOf(facts);
  }

  /** An input that breaks its rule; {@code input} is its path, {@code detail} the rule. */
  public static Refused invalid(String input, String detail) {
    return new Refused(Refusal.INVALID_INPUT, detail, input, Map.of());
  }

  /** A refusal about the subject's secret of this purpose (wrong, locked, not set …). */
  public static Refused aboutSecret(
      Refusal reason, SecretPurpose secret, String detail, Map<String, Object> facts) {
    return new Refused(reason, detail, null, secret, false, facts);
  }

  /** The same refusal, about the secret the request is setting rather than the one it presents. */
  public Refused aboutNewSecret() {
    return new Refused(reason, getMessage(), input, secret, true, facts);
  }

  public Refusal reason() {
    return reason;
  }

  /** The path of the offending input, or null. */
  public String input() {
    return input;
  }

  /** The purpose of the secret this refusal is about, or null. */
  public SecretPurpose secret() {
    return secret;
  }

  /** True when the refused secret is the one being set (a new PIN), not the one presented. */
  public boolean newSecret() {
    return newSecret;
  }

  /**
   * Machine-readable facts a caller can act on ({@code attemptsLeft}, {@code retryAfterSeconds}).
   */
  public Map<String, Object> facts() {
    return facts;
  }
}
