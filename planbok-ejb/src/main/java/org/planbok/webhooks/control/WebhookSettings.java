package org.planbok.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dispatcher's settings (MicroProfile Config, {@code planbok.webhooks.*}); the integration
 * tests shorten every clock.
 */
@ApplicationScoped
public class WebhookSettings {
  @Inject
  @ConfigProperty(name = "planbok.webhooks.max-attempts", defaultValue = "10")
  int maxAttempts = 10;

  @Inject
  @ConfigProperty(name = "planbok.webhooks.initial-back-off", defaultValue = "PT30S")
  String initialBackOff = "PT30S";

  @Inject
  @ConfigProperty(name = "planbok.webhooks.max-back-off", defaultValue = "PT1H")
  String maxBackOff = "PT1H";

  /** Connect and whole-request timeout of one attempt. */
  @Inject
  @ConfigProperty(name = "planbok.webhooks.timeout", defaultValue = "PT10S")
  String timeout = "PT10S";

  @Inject
  @ConfigProperty(name = "planbok.webhooks.poll-interval", defaultValue = "PT2S")
  String pollInterval = "PT2S";

  /** Allows plain http to a loopback host (development and tests only). */
  @Inject
  @ConfigProperty(name = "planbok.webhooks.allow-http-loopback", defaultValue = "false")
  boolean allowHttpLoopback;

  public BackOff backOff() {
    return new BackOff(Duration.parse(initialBackOff), Duration.parse(maxBackOff), maxAttempts);
  }

  public Duration timeout() {
    return Duration.parse(timeout);
  }

  public Duration pollInterval() {
    return Duration.parse(pollInterval);
  }

  public boolean allowHttpLoopback() {
    return allowHttpLoopback;
  }
}
