package org.planbok.web.input;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * UTF-8 is the only encoding of JSON (RFC 8259 §8.1). A body that is not valid UTF-8 is refused,
 * naming the field whose value holds the bad bytes when the rest of the body lets us find it.
 */
final class BodyEncoding {
  private static final char REPLACEMENT = '\uFFFD';

  private BodyEncoding() {}

  /** Empty when {@code body} is valid UTF-8, else the field holding the bad bytes or "body". */
  static Optional<String> invalidField(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of(locate(new String(body, StandardCharsets.UTF_8)));
    }
  }

  /** The key whose name or string value contains a replacement character, or "body". */
  private static String locate(String lenient) {
    String key = null;
    try (JsonParser parser = Json.createParser(new StringReader(lenient))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.KEY_NAME) {
          key = parser.getString();
          if (key.indexOf(REPLACEMENT) >= 0) {
            return FieldNames.printable(key);
          }
        } else if (event == JsonParser.Event.VALUE_STRING
            && parser.getString().indexOf(REPLACEMENT) >= 0) {
          return key == null ? "body" : FieldNames.printable(key);
        }
      }
    } catch (JsonException | IllegalStateException e) {
      return "body";
    }
    return "body";
  }
}
