package org.planbok.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of one signature an owner made on one chain under a policy, written in the signature's
 * transaction: a signature that fails leaves none. The rolling day's total is the sum over the last
 * 24 hours.
 */
@Entity
@Table(
    name = "policy_spend",
    indexes = @Index(name = "policy_spend_window", columnList = "owner,chain,signed_at"))
public class PolicySpend {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 64)
  private String owner;

  @Column(nullable = false, length = 24)
  private String chain;

  @Column(nullable = false, precision = 78, scale = 0)
  private BigDecimal amount;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  protected PolicySpend() {}

  public PolicySpend(String owner, String chain, BigInteger amount, Instant signedAt) {
    this.id = UUID.randomUUID().toString();
    this.owner = owner;
    this.chain = chain;
    this.amount = new BigDecimal(amount);
    this.signedAt = signedAt;
  }
}
