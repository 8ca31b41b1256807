package org.planbok.customer.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbok.customer.entity.CustomerStatus;
import org.planbok.paging.PageCursor;
import org.planbok.refusal.Refused;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;
import org.planbok.web.problem.RefusalProblems;

class ListQueryTest {
  private static MultivaluedMap<String, String> query(String... pairs) {
    MultivaluedMap<String, String> q = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      q.add(pairs[i], pairs[i + 1]);
    }
    return q;
  }

  @Test
  void defaultsToTwentyWithoutFiltersOrCursor() {
    ListQuery q = ListQuery.parse(query());
    assertEquals(20, q.limit());
    assertTrue(q.cursor().isEmpty());
    assertTrue(q.filter().status().isEmpty());
  }

  @Test
  void readsEveryParameter() {
    PageCursor cursor = new PageCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
    ListQuery q =
        ListQuery.parse(
            query(
                "limit", "100",
                "cursor", cursor.encode(),
                "status", "DISABLED",
                "email", "a@example.com",
                "externalRef", "u-1"));
    assertEquals(100, q.limit());
    assertEquals(cursor, q.cursor().orElseThrow());
    assertEquals(CustomerStatus.DISABLED, q.filter().status().orElseThrow());
    assertEquals("a@example.com", q.filter().email().orElseThrow().value());
    assertEquals("u-1", q.filter().externalRef().orElseThrow().value());
  }

  @Test
  void namesTheBadParameter() {
    String[][] cases = {
      {"limit", "0"},
      {"limit", "101"},
      {"limit", "-1"},
      {"limit", "ten"},
      {"limit", "0020"},
      {"cursor", "x"},
      {"status", "active"},
      {"email", "nope"},
      {"externalRef", "a b"},
    };
    for (String[] c : cases) {
      ProblemException e = answered(() -> ListQuery.parse(query(c)));
      assertEquals(ProblemType.INVALID_FIELD, e.type(), c[0] + "=" + c[1]);
      assertEquals(c[0], e.field());
    }
    ProblemException unknown =
        assertThrows(ProblemException.class, () -> ListQuery.parse(query("sort", "x")));
    assertEquals(ProblemType.UNKNOWN_FIELD, unknown.type());
    assertEquals("sort", unknown.field());
    ProblemException twice =
        assertThrows(
            ProblemException.class, () -> ListQuery.parse(query("limit", "1", "limit", "2")));
    assertEquals("limit", twice.field());
  }

  /** The problem the API answers: a domain value's refusal is mapped as the web module maps it. */
  private static ProblemException answered(Runnable parse) {
    try {
      parse.run();
    } catch (Refused refused) {
      return RefusalProblems.of(refused);
    } catch (ProblemException problem) {
      return problem;
    }
    throw new AssertionError("no refusal");
  }
}
