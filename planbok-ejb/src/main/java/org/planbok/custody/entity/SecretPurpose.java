package org.planbok.custody.entity;

import org.planbok.node2.api.vocabulary.Purpose;

/**
 * Which secret unlocks a vault: a customer's PIN, their security answers or emailed recovery kit
 * (recovery), or an organization's Organization Secret. Node 2 counts wrong attempts per subject
 * and purpose; the labels are the ones both nodes share ({@link Purpose}).
 */
public enum SecretPurpose {
  PIN(Purpose.PIN),
  QUESTIONS(Purpose.QUESTIONS),
  EMAIL(Purpose.EMAIL),
  ORG_SECRET(Purpose.ORG_SECRET);

  private final Purpose contract;

  SecretPurpose(Purpose contract) {
    this.contract = contract;
  }

  /** The secret that authorises the subject's everyday operations: a PIN, or the org secret. */
  public static SecretPurpose unlocking(Subject subject) {
    return of(subject.contract().kind().unlockPurpose());
  }

  /** This side's name of a purpose of the contract. */
  public static SecretPurpose of(Purpose purpose) {
    for (SecretPurpose p : values()) {
      if (p.contract == purpose) {
        return p;
      }
    }
    throw new IllegalArgumentException("no secret purpose " + purpose);
  }

  /** The stable name both nodes bind into derivations and tickets ({@code "pin"}, …). */
  public String label() {
    return contract.label();
  }

  /** The purpose as the Node 1 ⇄ Node 2 contract names it. */
  public Purpose contract() {
    return contract;
  }
}
