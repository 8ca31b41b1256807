package org.planbok.node2.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.sealing.control.Sealer;
import org.planbok.node2.secrets.control.LockoutPolicies;
import org.planbok.node2.secrets.control.LockoutPolicy;
import org.planbok.node2.secrets.control.Recoveries;
import org.planbok.node2.secrets.control.SecretOracle;
import org.planbok.node2.tickets.control.Tickets;

/** Node 2's store beans wired by hand, as CDI wires them, on one {@link TestDatabase}. */
public final class Node2Beans {
  public final TestDatabase db;
  public final MutableClock clock;
  public final MasterKeys masterKeys;
  public final Sealer sealer;
  public final SealedKeys sealedKeys;
  public final AuditLog audit;
  public final KeyShares keyShares;
  public final SigningSessions signingSessions;
  public final Tickets tickets;
  public final Recoveries recoveries;
  public final SecretOracle oracle;

  /** The waiting period of an email recovery in these tests, and how long it stays usable. */
  public static final Duration RECOVERY_DELAY = Duration.ofDays(2);

  public static final Duration RECOVERY_WINDOW = Duration.ofDays(7);

  /** The signing defaults of {@link SigningSessions}. */
  public static final int MAX_CONCURRENT_SIGNING = 4;

  public static final Duration SUSPECT_AFTER = Duration.ofSeconds(30);
  public static final Duration SIGNING_SESSION_MAX_AGE = Duration.ofSeconds(60);

  public Node2Beans(TestDatabase db, MasterKeys masterKeys, Map<String, LockoutPolicy> policies) {
    this.db = db;
    this.clock = MutableClock.startingNow();
    this.masterKeys = masterKeys;
    this.sealer = new Sealer(masterKeys);
    this.sealedKeys = new SealedKeys(db.entityManager(), sealer, clock);
    this.audit = new AuditLog(db.entityManager(), sealedKeys, clock);
    this.keyShares = new KeyShares(db.entityManager(), sealer, audit, clock);
    this.signingSessions =
        new SigningSessions(
            db.entityManager(),
            keyShares,
            clock,
            MAX_CONCURRENT_SIGNING,
            SUSPECT_AFTER,
            SIGNING_SESSION_MAX_AGE);
    this.tickets =
        new Tickets(db.entityManager(), masterKeys, audit, clock, Duration.ofSeconds(60), 4);
    this.recoveries =
        new Recoveries(db.entityManager(), tickets, audit, clock, RECOVERY_DELAY, RECOVERY_WINDOW);
    this.oracle =
        new SecretOracle(
            db.entityManager(),
            sealer,
            sealedKeys,
            tickets,
            audit,
            LockoutPolicies.of(policies),
            recoveries,
            clock);
  }

  public Node2Beans(TestDatabase db) {
    this(db, MasterKeys.of(randomKey(), null), Map.of());
  }

  /** What the start-up check does before traffic: the sealed keys and the audit head exist. */
  public Node2Beans prepared() {
    db.run(
        () -> {
          sealedKeys.ensure(SealedKeys.PEPPER);
          sealedKeys.ensure(SealedKeys.AUDIT_ANCHOR);
          sealedKeys.ensure(SealedKeys.EXPORT_AUTHORIZATION);
          audit.ensureHead();
        });
    return this;
  }

  /**
   * A new master key to rotate to from {@code previous}: drawn again in the 1-in-256 case where its
   * key id byte equals the previous key's, which {@link MasterKeys} refuses.
   */
  public static byte[] rotationKey(byte[] previous) {
    while (true) {
      byte[] candidate = randomKey();
      try {
        MasterKeys.of(candidate, previous);
        return candidate;
      } catch (IllegalStateException sameIdByte) {
        // draw again
      }
    }
  }

  public static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
