/**
 * Recording events with the change that causes them, managing endpoints, and the dispatcher that
 * claims due deliveries, signs and sends them, and backs off between failed attempts.
 */
package org.planbok.webhooks.control;
