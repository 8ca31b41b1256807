package org.planbok.web.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbok.node2client.Node2Refused;
import org.planbok.node2client.Node2Unavailable;
import org.planbok.refusal.Refused;

/**
 * Everything else. Known causes wrapped by the container (an EJB wraps unchecked exceptions) are
 * unwrapped and rendered as themselves; a truly unexpected error is logged once with an incident id
 * that the response repeats, and the response carries no stack trace or message from inside.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof Node2Unavailable unavailable) {
      return node2Unavailable(unavailable);
    }
    if (cause instanceof Node2Refused refused) {
      return node2Refused(refused);
    }
    if (cause instanceof ProblemException problem) {
      return new ProblemExceptionMapper().toResponse(problem);
    }
    if (cause instanceof Refused refused) {
      return new RefusedMapper().toResponse(refused);
    }
    if (cause instanceof WebApplicationException web) {
      return new WebApplicationExceptionMapper().toResponse(web);
    }
    if (MalformedJsonMapper.isMalformedJson(cause)) {
      return MalformedJsonMapper.response(cause);
    }
    return incident(cause);
  }

  static Response incident(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return ProblemResponse.of(
        ProblemType.INTERNAL_ERROR,
        "The server could not complete the request. Quote incident " + incident + " to support.",
        null,
        java.util.List.of(),
        Map.of("incident", incident));
  }

  static Response node2Unavailable(Node2Unavailable e) {
    Response problem =
        ProblemResponse.of(
            ProblemType.NODE2_UNAVAILABLE,
            e.getMessage() + ". Nothing was changed; retry later.",
            null,
            java.util.List.of(),
            Map.of("reason", e.reason().name()));
    return Response.fromResponse(problem).header("Retry-After", "5").build();
  }

  /** Node 2 said no where the flow expected yes: not the caller's fault, not a Planbok bug. */
  static Response node2Refused(Node2Refused e) {
    LOG.warning(() -> "Node 2 refused: " + e.reason() + " (" + e.getMessage() + ")");
    return ProblemResponse.of(
        ProblemType.NODE2_PROTOCOL_ERROR,
        "Node 2 refused the operation (" + e.reason() + "); nothing was changed.",
        null,
        java.util.List.of(),
        Map.of("reason", e.reason().name()));
  }

  private static Throwable unwrap(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ProblemException || c instanceof Refused) {
        return c; // thrown inside a reader or an EJB and wrapped on the way out
      }
    }
    Throwable t = e;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
