package org.planbok.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.organization.entity.OrganizationId;

/**
 * One event of an organization, written in the transaction of the change it reports (the outbox):
 * it exists exactly when that change was committed. {@code payload} is the JSON body every delivery
 * sends, byte for byte; it holds ids, times and public values, never a secret. {@code dueAt} is
 * when it may be delivered: now for most, the end of a waiting period for {@code recovery.matured}.
 * {@code subject} ({@code customer:<id>} or {@code organization:<id>}) lets a scheduled event be
 * withdrawn when what it announces will no longer happen.
 */
@Entity
@Table(
    name = "webhook_event",
    indexes = {
      @Index(name = "webhook_event_organization", columnList = "organization_id,occurred_at"),
      @Index(name = "webhook_event_subject", columnList = "subject,event_type")
    })
public class WebhookEvent {
  public static final int PAYLOAD = 8000;

  @Id
  @Column(length = 40)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(length = 64)
  private String subject;

  @Column(name = "event_type", nullable = false, length = 40)
  private String type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(nullable = false, length = PAYLOAD)
  private String payload;

  protected WebhookEvent() {}

  public WebhookEvent(
      String id,
      OrganizationId organization,
      String subject,
      EventType type,
      Instant occurredAt,
      Instant dueAt,
      String payload) {
    this.id = Objects.requireNonNull(id);
    this.organizationId = organization.toString();
    this.subject = subject;
    this.type = type.label();
    this.occurredAt = occurredAt;
    this.dueAt = dueAt;
    if (payload.length() > PAYLOAD) {
      throw new IllegalArgumentException("an event payload is at most " + PAYLOAD + " characters");
    }
    this.payload = payload;
  }

  /** {@code evt_} and 32 hex digits: the {@code Planbok-Event-Id} receivers deduplicate on. */
  public static String newId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }

  public String id() {
    return id;
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public EventType type() {
    return EventType.of(type).orElseThrow();
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public String payload() {
    return payload;
  }
}
