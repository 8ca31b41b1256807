package org.planbok.organization.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/**
 * The {@code Authorization: Bearer <token>} header (RFC 6750 §2.1) and the 401 that answers a
 * missing or refused one. The token is never logged or echoed.
 */
final class BearerCredentials {
  private static final String SCHEME = "bearer ";

  private BearerCredentials() {}

  /** The token of the one Authorization header, or empty if absent, repeated or not Bearer. */
  static Optional<String> token(ContainerRequestContext request) {
    List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.size() != 1) {
      return Optional.empty();
    }
    return token(headers.get(0));
  }

  static Optional<String> token(String header) {
    if (header == null
        || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = header.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** 401 {@code unauthenticated}, distinct from every other problem, with a Bearer challenge. */
  static Response unauthenticated(String detail, boolean tokenPresented) {
    Response problem =
        ProblemResponse.of(ProblemType.UNAUTHENTICATED, detail, null, List.of(), Map.of());
    String challenge =
        tokenPresented
            ? "Bearer realm=\"planbok\", error=\"invalid_token\""
            : "Bearer realm=\"planbok\"";
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
  }
}
