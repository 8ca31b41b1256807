package org.planbok.idempotency.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.idempotency.entity.IdempotencyRecord;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Runs a call at most once per (scope, key) and remembers its response.
 *
 * <p>{@link #run} inserts the record first and flushes, then runs the call, then stores the
 * response, all in one transaction. A concurrent first attempt with the same key blocks on the
 * unique (scope, key) in PostgreSQL until the first commits, then fails with {@link
 * IdempotencyRace}; its caller then finds and replays the winner's response. Had the winner rolled
 * back, the waiting insert succeeds and runs the call itself. Only successful responses are stored:
 * a failed call leaves no record, and its retry runs again (and fails again for the same input).
 * Records are kept {@code planbok.idempotency.retention-hours} (default 24) and then deleted.
 */
@Stateless
public class IdempotencyRecords {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "planbok.idempotency.retention-hours", defaultValue = "24")
  int retentionHours;

  /**
   * The response of an earlier call with this key; a 422 problem when that call asked something
   * else.
   */
  public Optional<StoredResponse> find(
      IdempotencyScope scope, IdempotencyKey key, RequestFingerprint fingerprint) {
    return em.createNamedQuery(IdempotencyRecord.FIND, IdempotencyRecord.class)
        .setParameter("scope", scope.value())
        .setParameter("key", key.value())
        .getResultStream()
        .findFirst()
        .map(
            r -> {
              if (!RequestFingerprint.ofStored(r.fingerprint()).sameAs(fingerprint)) {
                throw new Refused(
                    Refusal.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request (method, path or body)."
                        + " Use a new key for a new request.",
                    "Idempotency-Key",
                    Map.of());
              }
              return new StoredResponse(r.responseStatus(), r.responseBody(), r.responseLocation());
            });
  }

  /** Runs {@code call} once for this key; see the class comment. */
  public StoredResponse run(
      IdempotencyScope scope,
      IdempotencyKey key,
      RequestFingerprint fingerprint,
      Callable<StoredResponse> call) {
    IdempotencyRecord record =
        new IdempotencyRecord(scope.value(), key.value(), fingerprint.bytes(), now());
    try {
      em.persist(record);
      em.flush();
    } catch (PersistenceException e) {
      if (isIntegrityViolation(e)) {
        throw new IdempotencyRace();
      }
      throw e;
    }
    StoredResponse response;
    try {
      response = call.call();
    } catch (Refused e) {
      throw e;
    } catch (Exception e) {
      throw new IdempotentCallFailed(e);
    }
    record.answer(
        response.status(), response.body().orElse(null), response.location().orElse(null));
    return response;
  }

  @Schedule(hour = "*", minute = "17", persistent = false)
  void expire() {
    em.createNamedQuery(IdempotencyRecord.EXPIRE)
        .setParameter("before", now().minus(Duration.ofHours(retentionHours)))
        .executeUpdate();
  }

  private static boolean isIntegrityViolation(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
