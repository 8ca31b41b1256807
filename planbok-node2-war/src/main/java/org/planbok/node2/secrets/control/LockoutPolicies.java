package org.planbok.node2.secrets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.planbok.node2.api.vocabulary.Purpose;

/**
 * One {@link LockoutPolicy} per secret purpose, from {@code
 * planbok.node2.secrets.<purpose>.max-failures}, {@code .back-off}, {@code .max-back-off} and
 * {@code .lockout-decay} (ISO-8601 durations; the lockout level falls by one per decay, by default
 * a day, for security questions a week). Defaults: a PIN locks after 5 wrong tries for 1 minute,
 * doubling up to a day; security questions after 3 for a day, doubling up to 30 days (DESIGN §5: "3
 * tries a day"); a recovery kit (256 random bits, so only typos fail) after 5 for an hour, doubling
 * up to 30 days; an organization secret like a PIN.
 */
@ApplicationScoped
public class LockoutPolicies {
  static final Map<String, LockoutPolicy> DEFAULTS =
      Map.of(
          Purpose.PIN.label(),
          new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofDays(1)),
          Purpose.QUESTIONS.label(),
          new LockoutPolicy(3, Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(7)),
          Purpose.EMAIL.label(),
          new LockoutPolicy(5, Duration.ofHours(1), Duration.ofDays(30)),
          Purpose.ORG_SECRET.label(),
          new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofDays(1)));

  private Map<String, LockoutPolicy> policies;
  private Duration unlockInterval = Duration.ofDays(1);

  LockoutPolicies() {
    // for the CDI proxy
  }

  @Inject
  LockoutPolicies(Config config) {
    Map<String, LockoutPolicy> read = new HashMap<>();
    DEFAULTS.forEach(
        (purpose, fallback) -> {
          String prefix = "planbok.node2.secrets." + purpose + ".";
          read.put(
              purpose,
              new LockoutPolicy(
                  config
                      .getOptionalValue(prefix + "max-failures", Integer.class)
                      .orElse(fallback.maxFailures()),
                  config
                      .getOptionalValue(prefix + "back-off", String.class)
                      .map(Duration::parse)
                      .orElse(fallback.backOff()),
                  config
                      .getOptionalValue(prefix + "max-back-off", String.class)
                      .map(Duration::parse)
                      .orElse(fallback.maxBackOff()),
                  config
                      .getOptionalValue(prefix + "lockout-decay", String.class)
                      .map(Duration::parse)
                      .orElse(fallback.decay())));
        });
    this.policies = Map.copyOf(read);
    this.unlockInterval =
        config
            .getOptionalValue("planbok.node2.secrets.unlock-interval", String.class)
            .map(Duration::parse)
            .orElse(Duration.ofDays(1));
  }

  /** How often an administrator may lift one secret's lockout early. */
  public Duration unlockInterval() {
    return unlockInterval;
  }

  /** For tests: exactly these policies, the defaults for any purpose not given. */
  public static LockoutPolicies of(Map<String, LockoutPolicy> given) {
    LockoutPolicies p = new LockoutPolicies();
    Map<String, LockoutPolicy> all = new HashMap<>(DEFAULTS);
    all.putAll(given);
    p.policies = Map.copyOf(all);
    return p;
  }

  public LockoutPolicy forPurpose(Purpose purpose) {
    LockoutPolicy policy = policies.get(purpose.label());
    if (policy == null) {
      throw new IllegalArgumentException("unknown secret purpose");
    }
    return policy;
  }
}
