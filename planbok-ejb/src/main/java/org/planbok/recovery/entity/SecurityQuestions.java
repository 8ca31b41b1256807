package org.planbok.recovery.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions a customer answers, in the order the answers are joined: at least three, at most
 * ten, none twice. Stored as one line each ({@code c:<id>} or {@code t:<text>}); texts hold no
 * control characters, so a newline separates them unambiguously.
 */
public record SecurityQuestions(List<SecurityQuestion> items) {
  public static final int MIN = 3;
  public static final int MAX = 10;

  public SecurityQuestions {
    items = List.copyOf(items);
    if (items.size() < MIN || items.size() > MAX) {
      throw new IllegalArgumentException(MIN + " to " + MAX + " questions");
    }
    Set<String> seen = new HashSet<>();
    for (SecurityQuestion q : items) {
      if (!seen.add(q.sameness())) {
        throw new IllegalArgumentException("a question appears twice: " + q.text());
      }
    }
  }

  public String encode() {
    List<String> lines = new ArrayList<>();
    for (SecurityQuestion q : items) {
      lines.add(q.id().map(id -> "c:" + id).orElseGet(() -> "t:" + q.text()));
    }
    return String.join("\n", lines);
  }

  public static SecurityQuestions decode(String stored) {
    List<SecurityQuestion> items = new ArrayList<>();
    for (String line : stored.split("\n", -1)) {
      if (line.startsWith("c:")) {
        items.add(
            SecurityQuestion.of(
                CatalogueQuestion.byId(line.substring(2))
                    .orElseThrow(() -> new IllegalStateException("unknown catalogue question"))));
      } else if (line.startsWith("t:")) {
        items.add(SecurityQuestion.custom(line.substring(2)));
      } else {
        throw new IllegalStateException("a stored question line is c:… or t:…");
      }
    }
    return new SecurityQuestions(items);
  }
}
