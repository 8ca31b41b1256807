package org.planbok.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation failures on a request: 400 naming each field by its JSON name (the method and
 * parameter parts of the validation path are dropped; a missing body is called {@code body}).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<ProblemResponse.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new ProblemResponse.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemResponse.FieldError::field))
            .toList();
    ProblemResponse.FieldError first = errors.get(0);
    return ProblemResponse.of(
        ProblemType.INVALID_FIELD,
        first.field() + ": " + first.message(),
        first.field(),
        errors,
        Map.of());
  }

  static String fieldOf(ConstraintViolation<?> v) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : v.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
