package org.planbok.webhooks.entity;

/** Where a delivery stands. */
public enum DeliveryState {
  /** Waiting for its next attempt (the first, or a retry after a back-off). */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Every attempt failed; only a manual redelivery sends the event again. */
  FAILED
}
