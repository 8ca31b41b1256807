package org.planbok.web.openapi;

import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Removes the defaults Payara's generator writes into every schema. Most are noise ({@code
 * nullable: false}); {@code maxProperties: 0} is wrong: it allows only the empty object, and a
 * validating client would refuse every answer.
 */
final class SchemaNoise {
  private final Map<Schema, Boolean> seen = new IdentityHashMap<>();

  void clean(Schema schema) {
    if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
      schema.setMultipleOf(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(this::clean);
    }
    clean(schema.getItems());
    clean(schema.getAdditionalPropertiesSchema());
    clean(schema.getNot());
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(this::clean);
    }
    if (schema.getOneOf() != null) {
      schema.getOneOf().forEach(this::clean);
    }
    if (schema.getAnyOf() != null) {
      schema.getAnyOf().forEach(this::clean);
    }
  }
}
