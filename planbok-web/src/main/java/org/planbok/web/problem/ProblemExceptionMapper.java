package org.planbok.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.planbok.problem.ProblemException;

/** A feature's own problem, rendered as it described it. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException e) {
    return ProblemResponse.of(e.type(), e.getMessage(), e.field(), List.of(), e.extensions());
  }
}
