package org.planbok.idempotency.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.planbok.atrest.DatabaseKey;
import org.planbok.idempotency.control.IdempotencyKey;
import org.planbok.idempotency.control.IdempotencyRace;
import org.planbok.idempotency.control.IdempotencyRecords;
import org.planbok.idempotency.control.IdempotencyScope;
import org.planbok.idempotency.control.IdempotentCallFailed;
import org.planbok.idempotency.control.RequestFingerprint;
import org.planbok.idempotency.control.StoredResponse;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.web.input.ReceivedRequest;
import org.planbok.web.input.StrictJsonb;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * Runs an {@link Idempotent} resource method once per (caller, Idempotency-Key):
 *
 * <ol>
 *   <li>no or a malformed key: 400 naming {@code Idempotency-Key};
 *   <li>a stored call with this key: its response again ({@code Idempotent-Replayed: true}), or 422
 *       {@code idempotency-key-reused} when it asked something else;
 *   <li>otherwise the method runs inside {@link IdempotencyRecords#run}, whose transaction holds
 *       the record and the method's effect together;
 *   <li>a concurrent first attempt with the same key waits for the first in the database and then
 *       gets its stored response; if it still finds none, 409 {@code idempotency-in-progress}.
 * </ol>
 *
 * Runs after Bean Validation (a higher priority number), so invalid input never reaches it.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {
  static final String HEADER = "Idempotency-Key";

  @Inject ReceivedRequest received;
  @Inject CallerOrganization caller;
  @Inject IdempotencyRecords records;
  @Inject DatabaseKey databaseKey;

  @AroundInvoke
  public Object once(InvocationContext invocation) throws Exception {
    IdempotencyKey key = keyOf(received.idempotencyKeys());
    IdempotencyScope scope = caller.idempotencyScope();
    RequestFingerprint fingerprint =
        RequestFingerprint.of(
            databaseKey,
            received.method(),
            received.pathAndQuery(),
            FingerprintedBody.of(received.body()));
    Optional<StoredResponse> earlier = records.find(scope, key, fingerprint);
    if (earlier.isPresent()) {
      return StoredResponses.toResponse(earlier.get(), Optional.empty(), true);
    }
    Set<String> shownOnce = shownOnce(invocation);
    AtomicReference<String> fullBody = new AtomicReference<>();
    try {
      StoredResponse stored =
          records.run(
              scope,
              key,
              fingerprint,
              () -> {
                Response response = (Response) invocation.proceed();
                String json =
                    response.hasEntity() ? StrictJsonb.jsonb().toJson(response.getEntity()) : null;
                fullBody.set(json);
                return new StoredResponse(
                    response.getStatus(),
                    Optional.ofNullable(json).map(j -> StoredResponses.without(j, shownOnce)),
                    Optional.ofNullable(response.getLocation()).map(Object::toString));
              });
      return StoredResponses.toResponse(stored, Optional.ofNullable(fullBody.get()), false);
    } catch (IdempotencyRace race) {
      return records
          .find(scope, key, fingerprint)
          .map(winner -> StoredResponses.toResponse(winner, Optional.empty(), true))
          .orElseThrow(IdempotencyInterceptor::inProgress);
    } catch (IdempotentCallFailed failed) {
      throw (Exception) failed.getCause();
    } catch (EJBException e) {
      throw e.getCausedByException() != null ? e.getCausedByException() : e;
    }
  }

  static IdempotencyKey keyOf(List<String> headers) {
    if (headers.isEmpty()) {
      throw headerProblem(HEADER + ": required on every call that changes something");
    }
    if (headers.size() > 1) {
      throw headerProblem(HEADER + ": give it once");
    }
    return IdempotencyKey.parse(headers.get(0))
        .orElseThrow(() -> headerProblem(HEADER + ": " + IdempotencyKey.RULE));
  }

  private static Set<String> shownOnce(InvocationContext invocation) {
    Idempotent annotation = invocation.getMethod().getAnnotation(Idempotent.class);
    return annotation == null ? Set.of() : Set.of(annotation.shownOnce());
  }

  private static ProblemException headerProblem(String detail) {
    return new ProblemException(ProblemType.INVALID_HEADER, detail, HEADER, Map.of());
  }

  private static ProblemException inProgress() {
    return new ProblemException(
        ProblemType.IDEMPOTENCY_IN_PROGRESS,
        "A call with this Idempotency-Key is still running; retry shortly for its result.",
        HEADER,
        Map.of());
  }
}
