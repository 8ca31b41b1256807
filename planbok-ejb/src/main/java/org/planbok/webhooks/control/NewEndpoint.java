package org.planbok.webhooks.control;

import java.util.Arrays;
import org.planbok.webhooks.entity.WebhookEndpoint;

/** An endpoint just made (or its secret just rotated) with its secret text: shown once. */
public record NewEndpoint(WebhookEndpoint endpoint, char[] secret) implements AutoCloseable {
  @Override
  public void close() {
    Arrays.fill(secret, '\0');
  }

  @Override
  public String toString() {
    return "NewEndpoint[" + endpoint.id() + ", redacted]";
  }
}
