package org.planbok.web.input;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * Checks a JSON body against the request class it is bound to before JSON-B sees it: a JSON object,
 * no field the class does not declare, each value of the declared field's JSON type, and every
 * string clean ({@link TextRule}), also inside lists of strings and lists of our own request
 * classes (named {@code questions[1].text}). JSON-B's own messages name no field, so this does.
 * Nulls pass; Bean Validation decides whether a field is required.
 */
final class JsonShape {
  private JsonShape() {}

  static void check(JsonValue body, Class<?> type) {
    if (!(body instanceof JsonObject object)) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON, "body: must be a JSON object", "body", Map.of());
    }
    checkObject("", object, type);
  }

  private static void checkObject(String prefix, JsonObject object, Class<?> type) {
    Map<String, Field> fields = fieldsOf(type);
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      Field field = fields.get(member.getKey());
      if (field == null) {
        String name = prefix + FieldNames.printable(member.getKey());
        throw new ProblemException(
            ProblemType.UNKNOWN_FIELD,
            name + ": unknown field; this request accepts " + String.join(", ", fields.keySet()),
            name,
            Map.of());
      }
      String name = prefix + member.getKey();
      if (List.class.isAssignableFrom(field.getType())) {
        checkList(name, member.getValue(), elementType(field));
      } else {
        checkValue(name, member.getValue(), field.getType());
      }
    }
  }

  private static void checkList(String name, JsonValue value, Class<?> element) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (!(value instanceof JsonArray array)) {
      throw wrongType(name, "a JSON array");
    }
    for (int i = 0; i < array.size(); i++) {
      String item = name + "[" + i + "]";
      if (element != null && element.getName().startsWith("org.planbok.")) {
        if (!(array.get(i) instanceof JsonObject object)) {
          throw wrongType(item, "a JSON object");
        }
        checkObject(item + ".", object, element);
      } else if (element != null) {
        checkValue(item, array.get(i), element);
      }
    }
  }

  private static Class<?> elementType(Field field) {
    if (field.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static void checkValue(String name, JsonValue value, Class<?> type) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (type == String.class || type.isEnum()) {
      if (!(value instanceof JsonString string)) {
        throw wrongType(name, "a string");
      }
      if (!TextRule.isClean(string.getString())) {
        throw new ProblemException(
            ProblemType.INVALID_ENCODING,
            name + ": must not contain control characters or unpaired surrogates",
            name,
            Map.of());
      }
    } else if (type == Integer.class || type == int.class) {
      if (!(value instanceof JsonNumber number) || !fitsInt(number)) {
        throw wrongType(name, "a whole number between -2147483648 and 2147483647");
      }
    } else if (type == Long.class || type == long.class) {
      if (!(value instanceof JsonNumber number) || !fitsLong(number)) {
        throw wrongType(name, "a whole number");
      }
    } else if (type == JsonObject.class) {
      if (!(value instanceof JsonObject)) {
        throw wrongType(name, "a JSON object");
      }
    } else if (type == Boolean.class || type == boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw wrongType(name, "true or false");
      }
    }
  }

  private static boolean fitsInt(JsonNumber n) {
    try {
      n.bigDecimalValue().intValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static boolean fitsLong(JsonNumber n) {
    try {
      n.bigDecimalValue().longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static ProblemException wrongType(String name, String expected) {
    return new ProblemException(
        ProblemType.MALFORMED_JSON, name + ": must be " + expected, name, Map.of());
  }

  private static Map<String, Field> fieldsOf(Class<?> type) {
    Map<String, Field> fields = new TreeMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
          continue;
        }
        JsonbProperty renamed = f.getAnnotation(JsonbProperty.class);
        fields.putIfAbsent(renamed == null ? f.getName() : renamed.value(), f);
      }
    }
    return fields;
  }
}
