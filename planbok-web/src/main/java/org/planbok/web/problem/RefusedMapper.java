package org.planbok.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.planbok.refusal.Refused;

/** A control-layer refusal, answered as its problem (a lockout also with Retry-After). */
@Provider
public class RefusedMapper implements ExceptionMapper<Refused> {
  @Override
  public Response toResponse(Refused e) {
    return new ProblemExceptionMapper().toResponse(RefusalProblems.of(e));
  }
}
