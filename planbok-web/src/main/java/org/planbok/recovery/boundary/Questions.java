package org.planbok.recovery.boundary;

import java.util.ArrayList;
import java.util.List;
import org.planbok.recovery.entity.CatalogueQuestion;
import org.planbok.recovery.entity.SecurityQuestion;
import org.planbok.recovery.entity.SecurityQuestions;
import org.planbok.web.problem.ProblemException;

/** Reads the questions of a setup, or answers 400 naming the item at fault. */
final class Questions {
  private Questions() {}

  static SecurityQuestions parse(List<QuestionChoice> choices) {
    if (choices == null) {
      throw ProblemException.invalidField("questions", "questions: required");
    }
    if (choices.size() < SecurityQuestions.MIN || choices.size() > SecurityQuestions.MAX) {
      throw ProblemException.invalidField(
          "questions",
          "questions: "
              + SecurityQuestions.MIN
              + " to "
              + SecurityQuestions.MAX
              + " questions, catalogue ids or your own texts");
    }
    List<SecurityQuestion> items = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      items.add(one(choices.get(i), "questions[" + i + "]"));
    }
    try {
      return new SecurityQuestions(items);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("questions", "questions: the same question twice");
    }
  }

  private static SecurityQuestion one(QuestionChoice c, String field) {
    if (c == null || (c.getId() == null) == (c.getText() == null)) {
      throw ProblemException.invalidField(field, field + ": give either id or text");
    }
    if (c.getId() != null) {
      return SecurityQuestion.of(
          CatalogueQuestion.byId(c.getId())
              .orElseThrow(
                  () ->
                      ProblemException.invalidField(
                          field + ".id",
                          field + ".id: not in the catalogue (GET /api/v1/recovery/questions)")));
    }
    try {
      return SecurityQuestion.custom(c.getText());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          field + ".text",
          field
              + ".text: "
              + SecurityQuestion.MIN_TEXT
              + " to "
              + SecurityQuestion.MAX_TEXT
              + " characters");
    }
  }
}
