package org.planbok.problem;

import java.net.URI;

/**
 * The stable problem {@code type} URIs of the API. Clients switch on these, so a name never changes
 * meaning once published.
 */
public enum ProblemType {
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  MALFORMED_JSON(400, "Malformed JSON"),
  INVALID_FIELD(400, "Invalid field"),
  BAD_REQUEST(400, "Bad request"),
  NODE2_UNAVAILABLE(503, "Node 2 unavailable"),
  INTERNAL_ERROR(500, "Internal error");

  private static final String BASE = "https://planbok.org/problems/";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(BASE + name().toLowerCase().replace('_', '-'));
  }
}
