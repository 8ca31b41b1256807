package org.planbok.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

class StrictInputTest {
  /** A request class as the resources declare them. */
  static class Command {
    private String name;
    private Integer count;
    private Boolean flag;
    private static final String IGNORED = "static fields are not JSON fields";
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  private static ProblemException refused(String body) {
    return assertThrows(ProblemException.class, () -> JsonShape.check(json(body), Command.class));
  }

  @Test
  void acceptsDeclaredFieldsOfTheRightTypeAndNulls() {
    JsonShape.check(json("{\"name\": \"a\", \"count\": 3, \"flag\": true}"), Command.class);
    JsonShape.check(json("{\"name\": null}"), Command.class);
    JsonShape.check(json("{}"), Command.class);
    JsonShape.check(json("{\"name\": \"emoji \uD83D\uDE00 ok\"}"), Command.class);
  }

  @Test
  void rejectsUnknownFieldsNamingThem() {
    ProblemException e = refused("{\"name\": \"a\", \"nickname\": \"b\"}");
    assertEquals(ProblemType.UNKNOWN_FIELD, e.type());
    assertEquals("nickname", e.field());
    assertTrue(e.getMessage().contains("count, flag, name"), e.getMessage());
    assertEquals("IGNORED", refused("{\"IGNORED\": 1}").field());
  }

  @Test
  void unknownFieldNamesAreEchoedSafely() {
    ProblemException e = refused("{\"a\\u0000b\": 1}");
    assertEquals("a?b", e.field());
    assertEquals(64 + 1, refused("{\"" + "x".repeat(500) + "\": 1}").field().length());
  }

  @Test
  void rejectsWrongTypesNamingTheField() {
    String[][] cases = {
      {"{\"name\": 1}", "name"},
      {"{\"name\": [\"a\"]}", "name"},
      {"{\"name\": {}}", "name"},
      {"{\"count\": \"3\"}", "count"},
      {"{\"count\": 1.5}", "count"},
      {"{\"count\": 3000000000}", "count"},
      {"{\"flag\": \"true\"}", "flag"},
    };
    for (String[] c : cases) {
      ProblemException e = refused(c[0]);
      assertEquals(ProblemType.MALFORMED_JSON, e.type(), c[0]);
      assertEquals(c[1], e.field(), c[0]);
    }
    assertEquals("body", refused("[]").field());
    assertEquals("body", refused("\"text\"").field());
  }

  @Test
  void rejectsControlCharactersAndLoneSurrogates() {
    for (String bad :
        new String[] {
          "a\\u0000",
          "\\u001b[31m",
          "a\\nb",
          "\\u007f",
          "\\u0085",
          "\\ud800",
          "\\udc00x",
          "x\\ud83d"
        }) {
      ProblemException e = refused("{\"name\": \"" + bad + "\"}");
      assertEquals(ProblemType.INVALID_ENCODING, e.type(), bad);
      assertEquals("name", e.field());
    }
  }

  @Test
  void textRuleAllowsPairedSurrogatesOnly() {
    assertTrue(TextRule.isClean("Zoë 😀"));
    assertFalse(TextRule.isClean("\uD83D"));
    assertFalse(TextRule.isClean("\uDE00\uD83D"));
    assertFalse(TextRule.isClean("tab\there"));
  }

  @Test
  void validUtf8PassesAndInvalidBytesNameTheirField() {
    assertEquals(
        Optional.empty(),
        BodyEncoding.invalidField("{\"name\": \"Zoë 😀\"}".getBytes(StandardCharsets.UTF_8)));
    byte[] latin1 = "{\"a\": \"ok\", \"name\": \"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(Optional.of("name"), BodyEncoding.invalidField(latin1));
    byte[] badKey = "{\"nämé\": 1}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(Optional.of("n?m?"), BodyEncoding.invalidField(badKey));
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    assertEquals(Optional.of("a"), BodyEncoding.invalidField(overlong));
    byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}; // CESU-style U+D800
    assertEquals(Optional.of("body"), BodyEncoding.invalidField(surrogate));
    byte[] broken = {'{', (byte) 0xFF};
    assertEquals(Optional.of("body"), BodyEncoding.invalidField(broken));
  }

  @Test
  void duplicateKeysAreRefusedNamingTheKeyAndNonJsonIsLeftToJsonb() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                StrictJsonReader.check(
                    "{\"name\": \"a\", \"name\": \"b\"}".getBytes(StandardCharsets.UTF_8),
                    Command.class));
    assertEquals(ProblemType.MALFORMED_JSON, e.type());
    assertEquals("name", e.field());
    StrictJsonReader.check("{\"name\": ".getBytes(StandardCharsets.UTF_8), Command.class);
    ProblemException unknown =
        assertThrows(
            ProblemException.class,
            () ->
                StrictJsonReader.check(
                    "{\"x\": 1}".getBytes(StandardCharsets.UTF_8), Command.class));
    assertEquals(ProblemType.UNKNOWN_FIELD, unknown.type());
  }

  @Test
  void readsAtMostTheLimit() throws Exception {
    byte[] body = new byte[100];
    assertEquals(
        100,
        StrictRequestBody.readAtMost(new ByteArrayInputStream(body), 100).orElseThrow().length);
    assertTrue(StrictRequestBody.readAtMost(new ByteArrayInputStream(body), 99).isEmpty());
    assertEquals(
        0,
        StrictRequestBody.readAtMost(new ByteArrayInputStream(new byte[0]), 10)
            .orElseThrow()
            .length);
  }
}
