package org.planbok.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A feature's own problem, rendered as it described it (a lockout also with Retry-After). */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException e) {
    Response response =
        ProblemResponse.of(e.type(), e.getMessage(), e.field(), List.of(), e.extensions());
    Object retryAfter = e.extensions().get("retryAfterSeconds");
    return retryAfter == null
        ? response
        : Response.fromResponse(response).header("Retry-After", retryAfter.toString()).build();
  }
}
