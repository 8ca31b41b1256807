package org.planbok.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.organization.entity.OrganizationId;

/**
 * One event on its way to one endpoint. Made with the event (for every enabled endpoint that takes
 * its type) or by a manual redelivery. The dispatcher claims a due delivery by a conditional update
 * of {@code claim}/{@code claimedUntil} (so two Node 1 instances never send it together), makes one
 * attempt, and either marks it delivered, schedules the next attempt after a back-off, or after the
 * last attempt marks it failed.
 */
@Entity
@Table(
    name = "webhook_delivery",
    indexes = {
      @Index(name = "webhook_delivery_due", columnList = "state,next_attempt_at"),
      @Index(name = "webhook_delivery_endpoint", columnList = "endpoint_id,created_at"),
      @Index(name = "webhook_delivery_event", columnList = "event_id")
    })
public class WebhookDelivery {
  public static final int ERROR = 300;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "event_id", nullable = false, length = 40)
  private String eventId;

  @Column(name = "endpoint_id", nullable = false, length = 36)
  private String endpointId;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(length = 36)
  private String claim;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = ERROR)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "redelivery_of", length = 36)
  private String redeliveryOf;

  protected WebhookDelivery() {}

  public WebhookDelivery(
      WebhookEvent event, UUID endpoint, Instant due, Instant now, String redeliveryOf) {
    this.id = UUID.randomUUID().toString();
    this.eventId = event.id();
    this.endpointId = endpoint.toString();
    this.organizationId = event.organization().toString();
    this.state = DeliveryState.PENDING;
    this.nextAttemptAt = Objects.requireNonNull(due);
    this.createdAt = now;
    this.redeliveryOf = redeliveryOf;
  }

  /** One attempt's outcome: delivered, or failed and retried at {@code retryAt} (null: give up). */
  public void attempted(
      Integer status, String error, boolean delivered, Instant retryAt, Instant now) {
    attempts++;
    lastStatus = status;
    lastError = error == null ? null : error.length() <= ERROR ? error : error.substring(0, ERROR);
    claim = null;
    claimedUntil = null;
    if (delivered) {
      state = DeliveryState.DELIVERED;
      nextAttemptAt = null;
      finishedAt = now;
    } else if (retryAt == null) {
      state = DeliveryState.FAILED;
      nextAttemptAt = null;
      finishedAt = now;
    } else {
      nextAttemptAt = retryAt;
    }
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String eventId() {
    return eventId;
  }

  public UUID endpointId() {
    return UUID.fromString(endpointId);
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public DeliveryState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String claim() {
    return claim;
  }

  public Integer lastStatus() {
    return lastStatus;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String redeliveryOf() {
    return redeliveryOf;
  }
}
