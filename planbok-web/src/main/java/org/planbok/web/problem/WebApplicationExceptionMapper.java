package org.planbok.web.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * The runtime's own HTTP errors (unknown path, wrong method, wrong media type) as problems, keeping
 * their status and headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    if (MalformedJsonMapper.isMalformedJson(e)) {
      return MalformedJsonMapper.response(e);
    }
    if (e.getCause() instanceof NoContentException) {
      return ProblemResponse.of(
          ProblemType.INVALID_FIELD,
          "body: a JSON body is required",
          "body",
          List.of(new ProblemResponse.FieldError("body", "a JSON body is required")),
          Map.of());
    }
    ProblemType type = typeOf(e);
    Response problem = ProblemResponse.of(type, detailOf(e, type));
    Response.ResponseBuilder out =
        Response.fromResponse(problem).status(e.getResponse().getStatus());
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow != null) {
      out.header("Allow", allow);
    }
    return out.build();
  }

  private static ProblemType typeOf(WebApplicationException e) {
    if (e instanceof NotFoundException) {
      return ProblemType.NOT_FOUND;
    }
    if (e instanceof NotAllowedException) {
      return ProblemType.METHOD_NOT_ALLOWED;
    }
    if (e instanceof NotSupportedException) {
      return ProblemType.UNSUPPORTED_MEDIA_TYPE;
    }
    if (e instanceof NotAcceptableException) {
      return ProblemType.NOT_ACCEPTABLE;
    }
    int status = e.getResponse().getStatus();
    return status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
  }

  private static String detailOf(WebApplicationException e, ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "No resource at this path. See /openapi for the API.";
      case METHOD_NOT_ALLOWED -> "This resource does not support the method.";
      case UNSUPPORTED_MEDIA_TYPE -> "Send application/json.";
      case NOT_ACCEPTABLE -> "This resource answers application/json.";
      case INTERNAL_ERROR -> "The server could not complete the request.";
      default -> "The request is not valid.";
    };
  }
}
