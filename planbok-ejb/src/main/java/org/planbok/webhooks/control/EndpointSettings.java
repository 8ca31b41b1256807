package org.planbok.webhooks.control;

import java.util.List;

/**
 * What an organization sends to make or change an endpoint, as received (validated by {@link
 * WebhookEndpoints}): the URL, a description, the event type labels and whether it is enabled.
 */
public record EndpointSettings(
    String url, String description, List<String> eventTypes, Boolean enabled) {}
