package org.planbok.web.openapi;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What only Payara's implementation of the model has: an {@code endpoints} member (every path by
 * application) that it writes at the top of the document, where OpenAPI 3.0 allows no such field
 * (validators report "attribute endpoints is unexpected"). Emptied, it is not written.
 */
final class PayaraModel {
  private static final Logger LOG = Logger.getLogger(PayaraModel.class.getName());

  private PayaraModel() {}

  static void dropEndpoints(OpenAPI openAPI) {
    try {
      Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
      if (endpoints instanceof Map<?, ?> map) {
        map.clear();
      }
    } catch (ReflectiveOperationException | UnsupportedOperationException e) {
      LOG.log(Level.FINE, "no endpoints member to drop", e);
    }
  }
}
