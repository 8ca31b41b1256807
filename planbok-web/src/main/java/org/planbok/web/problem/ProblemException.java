package org.planbok.web.problem;

import java.util.Map;

/**
 * A failure the caller can act on, carrying its problem type, a human-readable detail and, for
 * input errors, the offending field. Thrown by boundaries, which run outside EJBs; control throws
 * {@link org.planbok.refusal.Refused} instead.
 */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final String field;
  private final Map<String, Object> extensions;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null, Map.of());
  }

  public ProblemException(
      ProblemType type, String detail, String field, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.type = type;
    this.field = field;
    this.extensions = Map.copyOf(extensions);
  }

  public static ProblemException invalidField(String field, String detail) {
    return new ProblemException(ProblemType.INVALID_FIELD, detail, field, Map.of());
  }

  public ProblemType type() {
    return type;
  }

  /** The JSON path of the offending field, or null. */
  public String field() {
    return field;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
