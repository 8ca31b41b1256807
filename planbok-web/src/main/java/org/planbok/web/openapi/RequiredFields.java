package org.planbok.web.openapi;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which members of a body are always there, by what the code guarantees:
 *
 * <ul>
 *   <li>a request body (a class with fields) requires the fields that Bean Validation requires
 *       ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}), as it refuses a body without
 *       them;
 *   <li>a response (a record) has every component: JSON-B writes null members too ({@code
 *       StrictJsonb}), so a client always finds the member, null or not;
 *   <li>a class may name more with {@code @Schema(requiredProperties = …)}: the console's bodies,
 *       which their resources check by hand.
 * </ul>
 */
final class RequiredFields {
  private RequiredFields() {}

  static List<String> of(Class<?> type) {
    Set<String> required = new LinkedHashSet<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (!component.isAnnotationPresent(JsonbTransient.class)) {
          required.add(jsonName(component, component.getName()));
        }
      }
    } else {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && requiredByValidation(field)) {
          required.add(jsonName(field, field.getName()));
        }
      }
    }
    Schema schema = type.getAnnotation(Schema.class);
    if (schema != null) {
      required.addAll(Arrays.asList(schema.requiredProperties()));
    }
    return new ArrayList<>(required);
  }

  private static boolean requiredByValidation(Field field) {
    return field.isAnnotationPresent(NotNull.class)
        || field.isAnnotationPresent(NotBlank.class)
        || field.isAnnotationPresent(NotEmpty.class);
  }

  private static String jsonName(AnnotatedElement element, String name) {
    JsonbProperty property = element.getAnnotation(JsonbProperty.class);
    return property != null && !property.value().isBlank() ? property.value() : name;
  }
}
