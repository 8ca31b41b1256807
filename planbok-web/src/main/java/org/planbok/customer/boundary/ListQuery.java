package org.planbok.customer.boundary;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.Set;
import org.planbok.customer.control.CustomerFilter;
import org.planbok.customer.entity.CustomerStatus;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;
import org.planbok.paging.PageCursor;
import org.planbok.web.input.StrictQuery;
import org.planbok.web.problem.ProblemException;

/** The query string of {@code GET /customers}, read strictly ({@link StrictQuery}). */
record ListQuery(int limit, Optional<PageCursor> cursor, CustomerFilter filter) {
  static final int DEFAULT_LIMIT = StrictQuery.DEFAULT_LIMIT;
  static final int MAX_LIMIT = StrictQuery.MAX_LIMIT;

  static ListQuery parse(MultivaluedMap<String, String> parameters) {
    StrictQuery query = StrictQuery.of(parameters, Set.of("status", "email", "externalRef"));
    return new ListQuery(
        query.limit(),
        query.cursor(),
        new CustomerFilter(
            query.get("status").map(ListQuery::status),
            query.get("email").map(EmailAddress::new),
            query.get("externalRef").map(ExternalRef::new)));
  }

  private static CustomerStatus status(String text) {
    for (CustomerStatus s : CustomerStatus.values()) {
      if (s.name().equals(text)) {
        return s;
      }
    }
    throw ProblemException.invalidField("status", "must be ACTIVE or DISABLED");
  }
}
