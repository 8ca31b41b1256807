package org.planbok.console.boundary;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * A console table's query string, read strictly: {@code page} (from 0), {@code size} (1 to 100,
 * default 20) and the table's own parameters; anything else, a repeated parameter or a bad number
 * is a 400 naming it.
 */
record ConsoleQuery(int page, int size, MultivaluedMap<String, String> query) {
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  static ConsoleQuery of(MultivaluedMap<String, String> query, String... own) {
    Set<String> known = new TreeSet<>(Set.of(own));
    known.add("page");
    known.add("size");
    for (Map.Entry<String, java.util.List<String>> p : query.entrySet()) {
      if (!known.contains(p.getKey())) {
        throw new ProblemException(
            ProblemType.UNKNOWN_FIELD,
            "unknown query parameter; this table takes " + String.join(", ", known),
            FieldNames.printable(p.getKey()),
            Map.of());
      }
      if (p.getValue().size() > 1) {
        throw ProblemException.invalidField(p.getKey(), "give it at most once");
      }
    }
    return new ConsoleQuery(
        number(query.getFirst("page"), "page", 0, 1_000_000, 0),
        number(query.getFirst("size"), "size", 1, MAX_SIZE, DEFAULT_SIZE),
        query);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(query.getFirst(name));
  }

  private static int number(String text, String name, int min, int max, int otherwise) {
    if (text == null) {
      return otherwise;
    }
    if (text.matches("[0-9]{1,7}")) {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    }
    throw ProblemException.invalidField(name, name + ": a whole number from " + min + " to " + max);
  }
}
