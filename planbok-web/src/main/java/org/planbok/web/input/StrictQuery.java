package org.planbok.web.input;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planbok.paging.PageCursor;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * A list's query string read strictly: unknown or repeated parameters and bad values are a 400
 * naming the parameter (JAX-RS would turn a non-numeric {@code limit} into a 404). Every list takes
 * {@code limit} (1 to 100, default 20) and {@code cursor} (a previous page's nextCursor).
 */
public final class StrictQuery {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private final MultivaluedMap<String, String> query;

  private StrictQuery(MultivaluedMap<String, String> query) {
    this.query = query;
  }

  /** Refuses any parameter but {@code limit}, {@code cursor} and {@code filters}. */
  public static StrictQuery of(MultivaluedMap<String, String> query, Set<String> filters) {
    Set<String> known = new java.util.TreeSet<>(filters);
    known.add("limit");
    known.add("cursor");
    for (Map.Entry<String, List<String>> p : query.entrySet()) {
      if (!known.contains(p.getKey())) {
        throw new ProblemException(
            ProblemType.UNKNOWN_FIELD,
            "unknown query parameter; this list accepts " + String.join(", ", known),
            FieldNames.printable(p.getKey()),
            Map.of());
      }
      if (p.getValue().size() > 1) {
        throw ProblemException.invalidField(p.getKey(), "give it at most once");
      }
    }
    return new StrictQuery(query);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(query.getFirst(name));
  }

  public int limit() {
    String text = query.getFirst("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    if (text.matches("[0-9]{1,3}")) {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  public Optional<PageCursor> cursor() {
    return get("cursor")
        .map(
            c ->
                PageCursor.decode(c)
                    .orElseThrow(
                        () ->
                            ProblemException.invalidField(
                                "cursor", "not a cursor from a previous page")));
  }
}
