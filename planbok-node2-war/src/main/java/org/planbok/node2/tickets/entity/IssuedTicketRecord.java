package org.planbok.node2.tickets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.planbok.node2.api.vocabulary.Operation;

/**
 * A ticket Node 2 minted, kept until it expires. {@code usedAt} is set exactly once, by an atomic
 * conditional update, when the ticket is redeemed (or revoked): that is what makes a ticket single
 * use. The ticket's bytes are not stored, only its id.
 */
@Entity
@Table(
    name = "node2_ticket",
    indexes = {
      @Index(name = "node2_ticket_expiry", columnList = "expires_at"),
      @Index(name = "node2_ticket_subject", columnList = "subject")
    })
public class IssuedTicketRecord {
  @Id
  @Column(length = 32)
  private String id;

  @Column(nullable = false, length = 200)
  private String subject;

  /**
   * The purpose whose check minted it ("pin", "questions", …): what it may authorise hangs on it.
   */
  @Column(name = "bought_by", nullable = false, length = 16)
  private String boughtBy;

  @Column(name = "key_id", nullable = false, length = 64)
  private String keyId;

  @Column(nullable = false, length = 16)
  private String operation;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected IssuedTicketRecord() {}

  public IssuedTicketRecord(
      String id,
      String subject,
      String boughtBy,
      String keyId,
      Operation operation,
      Instant issuedAt,
      Instant expiresAt) {
    this.id = Objects.requireNonNull(id);
    this.subject = Objects.requireNonNull(subject);
    this.boughtBy = Objects.requireNonNull(boughtBy);
    this.keyId = Objects.requireNonNull(keyId);
    this.operation = operation.name();
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public String id() {
    return id;
  }

  public String boughtBy() {
    return boughtBy;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
