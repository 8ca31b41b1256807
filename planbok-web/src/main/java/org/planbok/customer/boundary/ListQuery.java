package org.planbok.customer.boundary;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planbok.customer.control.CustomerCursor;
import org.planbok.customer.control.CustomerFilter;
import org.planbok.customer.entity.CustomerStatus;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;
import org.planbok.problem.ProblemException;
import org.planbok.web.input.FieldNames;

/**
 * The query string of {@code GET /customers}, read strictly: unknown or repeated parameters and bad
 * values are a 400 naming the parameter (JAX-RS would turn a non-numeric {@code limit} into a 404).
 */
record ListQuery(int limit, Optional<CustomerCursor> cursor, CustomerFilter filter) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Set<String> KNOWN =
      Set.of("limit", "cursor", "status", "email", "externalRef");

  static ListQuery parse(MultivaluedMap<String, String> query) {
    for (Map.Entry<String, java.util.List<String>> p : query.entrySet()) {
      if (!KNOWN.contains(p.getKey())) {
        throw new ProblemException(
            org.planbok.problem.ProblemType.UNKNOWN_FIELD,
            "unknown query parameter; this list accepts " + String.join(", ", KNOWN),
            FieldNames.printable(p.getKey()),
            Map.of());
      }
      if (p.getValue().size() > 1) {
        throw ProblemException.invalidField(p.getKey(), "give it at most once");
      }
    }
    return new ListQuery(
        limit(query.getFirst("limit")),
        Optional.ofNullable(query.getFirst("cursor"))
            .map(
                c ->
                    CustomerCursor.decode(c)
                        .orElseThrow(
                            () ->
                                ProblemException.invalidField(
                                    "cursor", "not a cursor from a previous page"))),
        new CustomerFilter(
            Optional.ofNullable(query.getFirst("status")).map(ListQuery::status),
            Optional.ofNullable(query.getFirst("email")).map(ListQuery::email),
            Optional.ofNullable(query.getFirst("externalRef")).map(ExternalRef::new)));
  }

  private static int limit(String text) {
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

  private static CustomerStatus status(String text) {
    for (CustomerStatus s : CustomerStatus.values()) {
      if (s.name().equals(text)) {
        return s;
      }
    }
    throw ProblemException.invalidField("status", "must be ACTIVE or DISABLED");
  }

  private static EmailAddress email(String text) {
    return new EmailAddress(text);
  }
}
