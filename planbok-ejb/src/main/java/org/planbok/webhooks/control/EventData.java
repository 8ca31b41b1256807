package org.planbok.webhooks.control;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.planbok.custody.entity.Subject;

/**
 * The {@code data} of an event: named public values in the order given (ids, times, chains, counts,
 * lists of those). Never put a secret here: no {@code encryptedSecret}, share, pepper, export part
 * or ciphertext; payloads are stored in clear and sent to the organization's endpoints.
 */
public final class EventData {
  private final Map<String, Object> values = new LinkedHashMap<>();

  private EventData() {}

  public static EventData of() {
    return new EventData();
  }

  /** Whose it is: {@code customerId} for a customer's, {@code owner: "organization"} otherwise. */
  public static EventData of(Subject subject) {
    EventData data = new EventData();
    if (subject.isOrganization()) {
      data.with("owner", "organization");
    } else {
      data.with("owner", "customer").with("customerId", customerId(subject));
    }
    return data;
  }

  /** A string, number, boolean, {@link Instant}, collection of those, or null. */
  public EventData with(String name, Object value) {
    values.put(name, value instanceof Instant i ? i.toString() : value);
    return this;
  }

  Map<String, Object> values() {
    return values;
  }

  static String customerId(Subject subject) {
    return subject.isOrganization() ? null : subject.contract().id();
  }

  /** The whole event as its receivers get it: id, type, time, organization, data. */
  static String payload(
      String id, String type, Instant createdAt, String organization, EventData data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id);
    event.put("type", type);
    event.put("createdAt", createdAt.toString());
    event.put("organizationId", organization);
    event.put("data", data.values);
    StringBuilder out = new StringBuilder();
    write(out, event);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, e.getKey().toString());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
