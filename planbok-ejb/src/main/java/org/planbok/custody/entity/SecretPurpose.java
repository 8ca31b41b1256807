package org.planbok.custody.entity;

/**
 * Which secret unlocks a vault: a customer's PIN, their security answers or emailed recovery kit
 * (recovery), or an organization's Organization Secret. Node 2 counts wrong attempts per subject
 * and purpose.
 */
public enum SecretPurpose {
  PIN("pin"),
  QUESTIONS("questions"),
  EMAIL("email"),
  ORG_SECRET("org-secret");

  private final String label;

  SecretPurpose(String label) {
    this.label = label;
  }

  /** The secret that authorises the subject's everyday operations: a PIN, or the org secret. */
  public static SecretPurpose unlocking(Subject subject) {
    return subject.isOrganization() ? ORG_SECRET : PIN;
  }

  /** The stable name both nodes bind into derivations and tickets ({@code "pin"}, …). */
  public String label() {
    return label;
  }
}
