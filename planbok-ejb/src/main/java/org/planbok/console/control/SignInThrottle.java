package org.planbok.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.console.entity.SignInPolicy;

/**
 * Slows down wrong console passwords per client as well as per account, without letting a stranger
 * lock an admin out. An account was locked for everyone after five wrong passwords, so anyone who
 * knew an admin's address could keep them out for good. Now the count is kept per account <em>and
 * client</em> (the client's address): five wrong passwords lock that account for that client only,
 * with the same doubling back-off, and the admin signs in from their own address as before. A
 * client is also slowed down across accounts ({@code client-max-failures}, default 20), so one
 * address cannot try a few passwords against many accounts. Unknown addresses are counted like
 * known ones, so the answers tell neither apart.
 *
 * <p>Every attempt is counted before its password is checked, so concurrent guesses cannot slip
 * past the limit; a right password then takes its own count back. Counts live in this Node 1's
 * memory: a restart forgets them, and each instance of a deployment group counts on its own
 * (documented in docs/operations.md). A pause of {@code max-back-off} since a key's last failure
 * forgets its count; the table is bounded.
 */
@ApplicationScoped
public class SignInThrottle {
  static final int MAX_KEYS = 100_000;

  @Inject
  @ConfigProperty(name = "planbok.console.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "planbok.console.sign-in.back-off", defaultValue = "PT1M")
  Duration backOff;

  @Inject
  @ConfigProperty(name = "planbok.console.sign-in.max-back-off", defaultValue = "PT1H")
  Duration maxBackOff;

  @Inject
  @ConfigProperty(name = "planbok.console.sign-in.client-max-failures", defaultValue = "20")
  int clientMaxFailures;

  private final Map<String, Count> counts = new HashMap<>();

  /** For tests: the limits without CDI. */
  static SignInThrottle with(
      int maxFailures, Duration backOff, Duration maxBackOff, int clientMaxFailures) {
    SignInThrottle t = new SignInThrottle();
    t.maxFailures = maxFailures;
    t.backOff = backOff;
    t.maxBackOff = maxBackOff;
    t.clientMaxFailures = clientMaxFailures;
    return t;
  }

  /**
   * Until when this attempt is refused unchecked, or empty when its password may be checked; then
   * the attempt is already counted as wrong (see {@link #succeeded}).
   */
  public synchronized Optional<Instant> admit(String account, String client, Instant now) {
    prune(now);
    Count pair = counts.computeIfAbsent(pairKey(account, client), k -> new Count());
    Count fromClient = counts.computeIfAbsent(clientKey(client), k -> new Count());
    Instant until = later(pair.lockedUntil(now), fromClient.lockedUntil(now));
    if (until != null) {
      return Optional.of(until);
    }
    pair.failed(policy(maxFailures), now);
    fromClient.failed(policy(clientMaxFailures), now);
    return Optional.empty();
  }

  /** The lockout in force for this account and client after a wrong password, if any. */
  public synchronized Optional<Instant> lockedUntil(String account, String client, Instant now) {
    Count pair = counts.get(pairKey(account, client));
    Count fromClient = counts.get(clientKey(client));
    return Optional.ofNullable(
        later(
            pair == null ? null : pair.lockedUntil(now),
            fromClient == null ? null : fromClient.lockedUntil(now)));
  }

  /** The password was right: the account forgets this client's failures, the client this one. */
  public synchronized void succeeded(String account, String client) {
    counts.remove(pairKey(account, client));
    Count fromClient = counts.get(clientKey(client));
    if (fromClient != null) {
      fromClient.forgiveOne();
    }
  }

  private SignInPolicy policy(int failures) {
    return new SignInPolicy(failures, backOff, maxBackOff);
  }

  private static String pairKey(String account, String client) {
    return "account\u0000" + account + "\u0000" + client;
  }

  private static String clientKey(String client) {
    return "client\u0000" + client;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Drops forgotten counts when the table is full, so no one can grow it without bound. */
  private void prune(Instant now) {
    if (counts.size() < MAX_KEYS) {
      return;
    }
    for (Iterator<Count> it = counts.values().iterator(); it.hasNext(); ) {
      Count c = it.next();
      if (c.lockedUntil(now) == null && c.forgotten(now, maxBackOff)) {
        it.remove();
      }
    }
    if (counts.size() >= MAX_KEYS) {
      counts.values().removeIf(c -> c.lockedUntil(now) == null);
    }
  }

  /** Wrong attempts in a row for one key, and its lockouts. */
  private final class Count {
    private int failures;
    private int lockouts;
    private Instant lockedUntil;
    private Instant lastFailure;

    Instant lockedUntil(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil) ? lockedUntil : null;
    }

    boolean forgotten(Instant now, Duration pause) {
      return lastFailure == null || !now.isBefore(lastFailure.plus(pause));
    }

    void failed(SignInPolicy policy, Instant now) {
      if (forgotten(now, maxBackOff)) {
        failures = 0;
        lockouts = 0;
      }
      lastFailure = now;
      if (++failures >= policy.maxFailures()) {
        lockouts++;
        failures = 0;
        lockedUntil = policy.lockedUntil(now, lockouts);
      }
    }

    void forgiveOne() {
      if (failures > 0) {
        failures--;
      }
    }
  }
}
