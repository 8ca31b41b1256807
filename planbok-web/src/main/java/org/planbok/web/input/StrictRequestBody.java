package org.planbok.web.input;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.web.problem.ProblemResponse;
import org.planbok.web.problem.ProblemType;

/**
 * First thing on every request, before matching, authentication or parsing: refuses a body larger
 * than {@code planbok.api.max-body-bytes} (default 64 KiB; signing requests {@code
 * planbok.api.max-signing-body-bytes}, default 2 MiB) with 413 without reading past the limit,
 * refuses a body that is not UTF-8, and keeps the bytes for the idempotency fingerprint.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class StrictRequestBody implements ContainerRequestFilter {
  @Inject
  @ConfigProperty(name = "planbok.api.max-body-bytes", defaultValue = "65536")
  int maxBodyBytes;

  /** Signing requests carry whole transactions (a PSBT may be 1 MiB, base64 makes it 1.4). */
  @Inject
  @ConfigProperty(name = "planbok.api.max-signing-body-bytes", defaultValue = "2097152")
  int maxSigningBodyBytes;

  @Inject ReceivedRequest received;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    byte[] body = new byte[0];
    int limit =
        request.getUriInfo().getPath().endsWith("/signatures")
            ? Math.max(maxBodyBytes, maxSigningBodyBytes)
            : maxBodyBytes;
    if (request.hasEntity()) {
      if (request.getLength() > limit) {
        request.abortWith(tooLarge(limit));
        return;
      }
      Optional<String> charset = charsetOf(request.getMediaType());
      if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
        request.abortWith(
            encodingProblem(
                "body", "JSON must be UTF-8; charset=" + charset.get() + " is refused"));
        return;
      }
      Optional<byte[]> read = readAtMost(request.getEntityStream(), limit);
      if (read.isEmpty()) {
        request.abortWith(tooLarge(limit));
        return;
      }
      body = read.get();
      Optional<String> badField = BodyEncoding.invalidField(body);
      if (badField.isPresent()) {
        request.abortWith(encodingProblem(badField.get(), badField.get() + ": is not valid UTF-8"));
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(body));
    }
    URI uri = request.getUriInfo().getRequestUri();
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    received.capture(
        request.getMethod(), pathAndQuery, body, request.getHeaders().get("Idempotency-Key"));
  }

  /** The whole stream if it has at most {@code limit} bytes; empty if it has more. */
  static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
  }

  private static Optional<String> charsetOf(MediaType type) {
    return type == null
        ? Optional.empty()
        : Optional.ofNullable(type.getParameters().get(MediaType.CHARSET_PARAMETER));
  }

  private static jakarta.ws.rs.core.Response tooLarge(int limit) {
    return ProblemResponse.of(
        ProblemType.PAYLOAD_TOO_LARGE,
        "body: larger than " + limit + " bytes; nothing was read or changed",
        "body",
        List.of(),
        Map.of("maxBytes", limit));
  }

  private static jakarta.ws.rs.core.Response encodingProblem(String field, String detail) {
    return ProblemResponse.of(ProblemType.INVALID_ENCODING, detail, field, List.of(), Map.of());
  }
}
