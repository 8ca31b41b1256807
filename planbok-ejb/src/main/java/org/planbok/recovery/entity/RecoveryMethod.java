package org.planbok.recovery.entity;

/** How a customer got their wallets back. */
public enum RecoveryMethod {
  QUESTIONS("questions"),
  EMAIL("email");

  private final String label;

  RecoveryMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
