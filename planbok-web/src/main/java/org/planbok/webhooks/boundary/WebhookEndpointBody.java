package org.planbok.webhooks.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.webhooks.control.EndpointSettings;

/**
 * The body that makes or replaces a webhook endpoint. A class, not a record (see
 * docs/troubleshooting.md); checked by the facade, which names the faulty field.
 */
@Schema(
    name = "WebhookEndpointBody",
    requiredProperties = {"url", "eventTypes"})
public class WebhookEndpointBody {
  @Schema(
      description =
          "Where deliveries are POSTed: https only (plain http only to a loopback host, and only"
              + " where planbok.webhooks.allow-http-loopback is set); no user name or password",
      example = "https://hooks.acme.example/planbok",
      maxLength = 2048)
  private String url;

  @Schema(description = "What it is for, one line", example = "ledger sync", maxLength = 200)
  private String description;

  @Schema(
      description = "The event types it takes (GET /webhooks/event-types lists them)",
      example = "[\"key.created\", \"signature.created\"]")
  private List<String> eventTypes;

  @Schema(
      description =
          "Whether deliveries are made (default true when creating; required when replacing)",
      example = "true")
  private Boolean enabled;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(List<String> eventTypes) {
    this.eventTypes = eventTypes;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  static EndpointSettings settings(WebhookEndpointBody body) {
    return body == null
        ? null
        : new EndpointSettings(body.url, body.description, body.eventTypes, body.enabled);
  }
}
