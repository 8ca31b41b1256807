package org.planbok.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.planbok.refusal.Refused;

/**
 * A body that is not JSON, or JSON of the wrong shape (a string where a number belongs). The detail
 * says what the parser saw, trimmed of Java class names.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ProblemException problem) {
        return new ProblemExceptionMapper().toResponse(problem); // from a reader interceptor
      }
      if (c instanceof Refused refused) {
        return new RefusedMapper().toResponse(refused); // a domain value refused while reading
      }
    }
    if (isMalformedJson(e)) {
      return response(e);
    }
    return UnexpectedErrorMapper.incident(e);
  }

  static boolean isMalformedJson(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonbException || c instanceof JsonParsingException) {
        return true;
      }
    }
    return false;
  }

  static Response response(Throwable e) {
    return ProblemResponse.of(
        ProblemType.MALFORMED_JSON,
        "The request body is not valid JSON for this resource: " + parserMessage(e));
  }

  private static String parserMessage(Throwable e) {
    Throwable deepest = e;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonbException || c instanceof JsonParsingException) {
        deepest = c;
      }
    }
    String message = String.valueOf(deepest.getMessage());
    // Keep the parser's words, drop fully qualified class names and anything after a newline.
    message = message.replaceAll("(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
