package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How answers are normalised, with examples a customer would type (the browser kit must agree: see
 * JavaScriptKitTest), how they are joined, and that the derivation depends on every answer, their
 * order and the salt.
 */
class RecoveryAnswersTest {
  /** What the customer typed → what is derived from. */
  static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("Rex", "rex"); // case
    EXAMPLES.put("  Elm   Street ", "elm street"); // ends trimmed, inner runs collapsed
    EXAMPLES.put("Elm\tStreet\r\n", "elm street"); // tabs and line ends are white space
    EXAMPLES.put("Elm\u00A0Street", "elm street"); // no-break space
    EXAMPLES.put("Elm\u3000Street", "elm street"); // ideographic space
    EXAMPLES.put("Ｇｏｌｆ　ＧＴＩ", "golf gti"); // full-width letters and space
    EXAMPLES.put("Café", "café"); // an accent stays
    EXAMPLES.put("Cafe\u0301", "café"); // decomposed becomes composed
    EXAMPLES.put("CAFÉ", "café");
    EXAMPLES.put("ﬁsh", "fish"); // a ligature
    EXAMPLES.put("Straße", "straße"); // lower case, not case folding: ß stays
    EXAMPLES.put("①②", "12"); // compatibility digits
    EXAMPLES.put("Zürich Café", "zürich café");
  }

  @Test
  void normalisesAsDocumented() {
    EXAMPLES.forEach((typed, derived) -> assertEquals(derived, RecoveryAnswers.normalise(typed)));
  }

  @Test
  void keepsWhatIsNotWhiteSpaceOrCase() {
    assertNotEquals(RecoveryAnswers.normalise("café"), RecoveryAnswers.normalise("cafe"));
    assertEquals("a\u200Bb", RecoveryAnswers.normalise("A\u200BB"), "zero-width space stays");
    assertEquals("", RecoveryAnswers.normalise(" \t\u2003 "));
  }

  @Test
  void joinsLengthPrefixedUtf8InQuestionOrder() {
    byte[] joined = RecoveryAnswers.joined(List.of("Rex", " Café "));
    assertArrayEquals(HexFormat.of().parseHex("00000003726578" + "00000005636166c3a9"), joined);
    // "a b" + "c" and "a" + "b c" must not collide
    assertNotEquals(
        HexFormat.of().formatHex(RecoveryAnswers.joined(List.of("a b", "c"))),
        HexFormat.of().formatHex(RecoveryAnswers.joined(List.of("a", "b c"))));
  }

  @Test
  void rejectsAnEmptyAnswer() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RecoveryAnswers.joined(List.of("Rex", "  ", "Golf")));
    assertEquals("answer 2 is empty", e.getMessage());
  }

  @Test
  void theSameAnswersTypedDifferentlyDeriveTheSameSecretAndOthersDoNot() {
    String salt = "AAECAwQFBgcICQoLDA0ODw";
    String secret = RecoveryAnswers.derive(List.of("Rex", "Elm Street", "Golf GTI"), salt);
    assertEquals(43, secret.length());
    assertEquals(secret, RecoveryAnswers.derive(List.of(" REX", "elm  street", "Ｇｏｌｆ ＧＴＩ"), salt));
    assertNotEquals(
        secret, RecoveryAnswers.derive(List.of("Elm Street", "Rex", "Golf GTI"), salt), "order");
    assertNotEquals(
        secret, RecoveryAnswers.derive(List.of("Rex", "Elm Street", "Golf GTD"), salt), "answer");
    assertNotEquals(
        secret,
        RecoveryAnswers.derive(List.of("Rex", "Elm Street", "Golf GTI"), "AQECAwQFBgcICQoLDA0ODw"),
        "salt");
  }
}
