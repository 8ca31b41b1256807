/**
 * Webhook endpoints, the events recorded for them, their deliveries and each delivery's attempts.
 */
package org.planbok.webhooks.entity;
