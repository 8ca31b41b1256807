package org.planbok.recovery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions: three to ten, none twice, catalogue ids or texts of one's own, stored losslessly. */
class SecurityQuestionsTest {
  private static final SecurityQuestion PET = SecurityQuestion.of(CatalogueQuestion.FIRST_PET);
  private static final SecurityQuestion CAR = SecurityQuestion.of(CatalogueQuestion.FIRST_CAR);
  private static final SecurityQuestion OWN = SecurityQuestion.custom("  Which café, in Zürich?  ");

  @Test
  void storesAndReadsBackTheSameQuestionsInOrder() {
    SecurityQuestions q = new SecurityQuestions(List.of(OWN, PET, CAR));
    assertEquals("t:Which café, in Zürich?\nc:first-pet\nc:first-car", q.encode());
    assertEquals(q, SecurityQuestions.decode(q.encode()));
    assertEquals("What was the name of your first pet?", q.items().get(1).text());
  }

  @Test
  void rejectsFewerThanThreeMoreThanTenOrTheSameQuestionTwice() {
    assertThrows(IllegalArgumentException.class, () -> new SecurityQuestions(List.of(PET, CAR)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SecurityQuestions(
                List.of(
                    PET, CAR, SecurityQuestion.custom("what was the name of   your first PET?"))));
    List<SecurityQuestion> eleven =
        java.util.stream.IntStream.range(0, 11)
            .mapToObj(i -> SecurityQuestion.custom("Question number " + i))
            .toList();
    assertThrows(IllegalArgumentException.class, () -> new SecurityQuestions(eleven));
  }

  @Test
  void rejectsTextsTooShortTooLongOrWithControlCharacters() {
    assertThrows(IllegalArgumentException.class, () -> SecurityQuestion.custom("Why?"));
    assertThrows(IllegalArgumentException.class, () -> SecurityQuestion.custom("x".repeat(201)));
    assertThrows(IllegalArgumentException.class, () -> SecurityQuestion.custom("Line\nbreak?"));
  }

  @Test
  void everyCatalogueIdIsFoundAgain() {
    for (CatalogueQuestion q : CatalogueQuestion.values()) {
      assertEquals(q, CatalogueQuestion.byId(q.id()).orElseThrow());
    }
    assertEquals(10, CatalogueQuestion.values().length);
  }
}
