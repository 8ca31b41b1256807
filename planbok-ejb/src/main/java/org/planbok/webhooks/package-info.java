/**
 * Webhooks: each organization's endpoints, the events Node 1 records in the same transaction as the
 * change they report (an outbox), and their signed, retried delivery with a log of every attempt.
 */
package org.planbok.webhooks;
