package org.planbok.web.input;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B configuration of the API: nulls are written (a response always has the same
 * fields), and unknown properties fail (Yasson's {@code jsonb.fail-on-unknown-properties}) behind
 * {@link StrictJsonReader}, which names the field first.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withNullValues(true)
              .setProperty("jsonb.fail-on-unknown-properties", true));

  /** The same instance the API writes responses with, for those who store a response's JSON. */
  public static Jsonb jsonb() {
    return JSONB;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
