package org.planbok.web.openapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Schemas made from the body classes themselves, where Payara's generator leaves a class out (a
 * response documented only by {@code @Schema(implementation)}, since its method returns {@code
 * Response}, comes out as an empty object) or gets a member wrong (a {@code List<String>} comes out
 * as an array of arrays). Members as JSON-B writes them, descriptions and examples from their
 * {@code @Schema}, required members from {@link RequiredFields}.
 */
final class BodySchemas {
  private final Components components;
  private final Map<String, Class<?>> known;
  private final java.util.Set<String> making = new java.util.HashSet<>();

  BodySchemas(Components components, Map<String, Class<?>> known) {
    this.components = components;
    this.known = known;
  }

  /** A reference to the class's component schema, making the component if it is missing. */
  Schema refTo(Class<?> type) {
    String name = ResourceOperations.schemaName(type);
    Map<String, Schema> schemas = components.getSchemas();
    if ((schemas == null || isEmpty(schemas.get(name))) && making.add(name)) {
      components.addSchema(name, objectOf(type));
      making.remove(name);
    }
    known.putIfAbsent(name, type);
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  /** Corrects the array members of a component the generator made. */
  void repairArrays(Schema schema, Class<?> type) {
    if (schema.getProperties() == null) {
      return;
    }
    members(type)
        .forEach(
            (name, member) -> {
              Schema property = schema.getProperties().get(name);
              if (property != null
                  && property.getType() == Schema.SchemaType.ARRAY
                  && member instanceof ParameterizedType) {
                property.setItems(
                    of(((ParameterizedType) member).getActualTypeArguments()[0], null));
              }
            });
  }

  static boolean isEmpty(Schema schema) {
    return schema == null
        || (schema.getRef() == null
            && (schema.getProperties() == null || schema.getProperties().isEmpty())
            && schema.getItems() == null
            && (schema.getType() == null || schema.getType() == Schema.SchemaType.OBJECT)
            && schema.getAdditionalPropertiesSchema() == null
            && !Boolean.TRUE.equals(schema.getAdditionalPropertiesBoolean()));
  }

  private Schema objectOf(Class<?> type) {
    Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
        type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    if (annotation != null && !annotation.description().isBlank()) {
      schema.setDescription(annotation.description());
    }
    Map<String, AnnotatedElement> elements = elements(type);
    members(type)
        .forEach((name, member) -> schema.addProperty(name, of(member, elements.get(name))));
    List<String> required = RequiredFields.of(type);
    schema.setRequired(required.isEmpty() ? null : required);
    return schema;
  }

  private Schema of(Type type, AnnotatedElement element) {
    Schema schema = plain(type);
    if (element != null) {
      org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
          element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
      if (annotation != null && schema.getRef() == null) {
        if (!annotation.description().isBlank()) {
          schema.setDescription(annotation.description());
        }
        if (!annotation.example().isBlank() && schema.getType() == Schema.SchemaType.STRING) {
          schema.setExample(annotation.example());
        }
      }
    }
    return schema;
  }

  private Schema plain(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(plain(arguments[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .additionalPropertiesSchema(plain(arguments[1]));
      }
      if (raw == Optional.class) {
        return plain(arguments[0]);
      }
      return plain(raw);
    }
    if (!(type instanceof Class<?> c)) {
      // A type variable (TableView<T>'s items): any object.
      return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
    if (c == String.class || c == char[].class || c == byte[].class) {
      return OASFactory.createSchema().type(Schema.SchemaType.STRING);
    }
    if (c == boolean.class || c == Boolean.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
    }
    if (c == long.class || c == Long.class || c == BigInteger.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
    }
    if (c == double.class || c == Double.class || c == float.class || c == BigDecimal.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
    }
    if (c == Instant.class || c == OffsetDateTime.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
    }
    if (c.isEnum()) {
      List<Object> names = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return OASFactory.createSchema().type(Schema.SchemaType.STRING).enumeration(names);
    }
    if (JsonObject.class.isAssignableFrom(c)
        || c == Object.class
        || Map.class.isAssignableFrom(c)) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.OBJECT)
          .additionalPropertiesBoolean(Boolean.TRUE);
    }
    if (JsonValue.class.isAssignableFrom(c)) {
      return OASFactory.createSchema().description("Any JSON value");
    }
    if (c.getName().startsWith("org.planbok.")) {
      return refTo(c);
    }
    return OASFactory.createSchema().type(Schema.SchemaType.STRING);
  }

  /** JSON member name to Java type, as JSON-B writes the class. */
  static Map<String, Type> members(Class<?> type) {
    Map<String, Type> members = new LinkedHashMap<>();
    elements(type)
        .forEach(
            (name, element) ->
                members.put(
                    name,
                    element instanceof RecordComponent component
                        ? component.getGenericType()
                        : ((Field) element).getGenericType()));
    return members;
  }

  private static Map<String, AnnotatedElement> elements(Class<?> type) {
    Map<String, AnnotatedElement> elements = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (!component.isAnnotationPresent(JsonbTransient.class)) {
          elements.put(jsonName(component, component.getName()), component);
        }
      }
    } else {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())
            && !field.isAnnotationPresent(JsonbTransient.class)) {
          elements.put(jsonName(field, field.getName()), field);
        }
      }
    }
    return elements;
  }

  private static String jsonName(AnnotatedElement element, String name) {
    JsonbProperty property = element.getAnnotation(JsonbProperty.class);
    return property != null && !property.value().isBlank() ? property.value() : name;
  }
}
