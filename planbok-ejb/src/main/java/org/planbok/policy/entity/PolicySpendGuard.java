package org.planbok.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per owner and chain, locked ({@code PESSIMISTIC_WRITE}) by a signature under a rolling
 * day's limit from the check of its total until its commit: two concurrent signatures cannot both
 * see the total without the other's value.
 */
@Entity
@Table(name = "policy_spend_guard")
public class PolicySpendGuard {
  @Id
  @Column(length = 100)
  private String id;

  protected PolicySpendGuard() {}

  public PolicySpendGuard(String id) {
    this.id = id;
  }

  public static String idOf(String owner, String chain) {
    return owner + "|" + chain;
  }
}
