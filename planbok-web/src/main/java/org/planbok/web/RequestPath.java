package org.planbok.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path as the JAX-RS runtime matches it to a resource: its segments without path
 * parameters ({@code ;x=1}) and without empty segments. Jersey matches {@code
 * /api/v1/console;x=1/users} to the console's resource, so every filter that decides by path (which
 * credential, which session, CSRF) must read it the same way, never as raw text, or the parameter
 * would take the request past the filter and still reach the resource.
 */
public record RequestPath(List<String> segments) {
  public RequestPath {
    segments = List.copyOf(segments);
  }

  /** {@code path} as text: relative to the application or the server, with or without slashes. */
  public static RequestPath of(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : (path == null ? "" : path).split("/")) {
      int parameters = segment.indexOf(';');
      String name = parameters < 0 ? segment : segment.substring(0, parameters);
      if (!name.isEmpty()) {
        segments.add(name);
      }
    }
    return new RequestPath(segments);
  }

  /** Whether the path is {@code prefix} or lies under it. */
  public boolean startsWith(String... prefix) {
    if (segments.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!segments.get(i).equals(prefix[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the path is exactly these segments. */
  public boolean is(String... exactly) {
    return segments.size() == exactly.length && startsWith(exactly);
  }

  /** The path without its first {@code count} segments. */
  public RequestPath drop(int count) {
    return new RequestPath(segments.subList(Math.min(count, segments.size()), segments.size()));
  }

  @Override
  public String toString() {
    return String.join("/", segments);
  }
}
