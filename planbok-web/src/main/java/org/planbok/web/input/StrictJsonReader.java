package org.planbok.web.input;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * Before JSON-B binds a request body to one of our request classes, checks its shape with {@link
 * JsonShape} and refuses duplicate keys (which JSON-B would silently resolve to the last).
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {
  private static final Pattern DUPLICATE = Pattern.compile("[Dd]uplicate key '([^']*)'");
  private static final JsonReaderFactory LENIENT = Json.createReaderFactory(Map.of());
  private static final JsonReaderFactory NO_DUPLICATES =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Class<?> type = context.getType();
    if (!type.getName().startsWith("org.planbok.")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return context.proceed();
    }
    check(body, type);
    return context.proceed();
  }

  /**
   * Throws the problem with {@code body} as a {@code type}; returns quietly when the body is not
   * JSON at all, which JSON-B then reports as malformed.
   */
  static void check(byte[] body, Class<?> type) {
    JsonValue value;
    try {
      value = parse(NO_DUPLICATES, body);
    } catch (JsonException | IllegalStateException strict) {
      try {
        parse(LENIENT, body);
      } catch (JsonException | IllegalStateException notJson) {
        return;
      }
      // JSON, but not for the strict reader: a key appears twice in one object.
      Matcher key = DUPLICATE.matcher(String.valueOf(strict.getMessage()));
      String field = key.find() ? FieldNames.printable(key.group(1)) : "body";
      throw new ProblemException(
          ProblemType.MALFORMED_JSON,
          field + ": appears more than once in an object",
          field,
          Map.of());
    }
    JsonShape.check(value, type);
  }

  private static JsonValue parse(JsonReaderFactory factory, byte[] body) {
    try (JsonReader reader =
        factory.createReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
      return reader.readValue();
    }
  }
}
