package org.planbok.customer.entity;

/** Whether a customer may use their wallets. Disabling is one-way for now. */
public enum CustomerStatus {
  ACTIVE,
  DISABLED
}
