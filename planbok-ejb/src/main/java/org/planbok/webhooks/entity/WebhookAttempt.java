package org.planbok.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The delivery log: one row per attempt, with the receiver's status code (none when it could not be
 * reached), a short error, and how long it took. The receiver's body is not kept.
 */
@Entity
@Table(
    name = "webhook_attempt",
    indexes = @Index(name = "webhook_attempt_delivery", columnList = "delivery_id,attempt_no"))
public class WebhookAttempt {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "delivery_id", nullable = false, length = 36)
  private String deliveryId;

  @Column(name = "attempt_no", nullable = false)
  private int number;

  @Column(name = "attempted_at", nullable = false)
  private Instant at;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(length = WebhookDelivery.ERROR)
  private String error;

  @Column(name = "duration_ms", nullable = false)
  private long durationMillis;

  protected WebhookAttempt() {}

  public WebhookAttempt(
      UUID delivery,
      int number,
      Instant at,
      Integer statusCode,
      String error,
      long durationMillis) {
    this.id = UUID.randomUUID().toString();
    this.deliveryId = delivery.toString();
    this.number = number;
    this.at = at;
    this.statusCode = statusCode;
    this.error =
        error == null
            ? null
            : error.length() <= WebhookDelivery.ERROR
                ? error
                : error.substring(0, WebhookDelivery.ERROR);
    this.durationMillis = durationMillis;
  }

  public UUID deliveryId() {
    return UUID.fromString(deliveryId);
  }

  public int number() {
    return number;
  }

  public Instant at() {
    return at;
  }

  public Integer statusCode() {
    return statusCode;
  }

  public String error() {
    return error;
  }

  public long durationMillis() {
    return durationMillis;
  }
}
