package org.planbok.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.planbok.organization.entity.OrganizationId;

/**
 * Where an organization wants its events: an https URL, a description, the event types it takes and
 * whether it is enabled. Its signing secret is sealed under Node 1's database key (a copy of the
 * database cannot sign a delivery), and is shown to the organization once, at creation and at each
 * rotation.
 */
@Entity
@Table(
    name = "webhook_endpoint",
    indexes = @Index(name = "webhook_endpoint_organization", columnList = "organization_id"))
public class WebhookEndpoint {
  public static final int URL = 2048;
  public static final int DESCRIPTION = 200;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = URL)
  private String url;

  @Column(nullable = false, length = DESCRIPTION)
  private String description;

  /** Event labels separated by single spaces, in catalogue order. */
  @Column(name = "event_types", nullable = false, length = 1000)
  private String eventTypes;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "sealed_secret", nullable = false, length = 256)
  private byte[] sealedSecret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "secret_rotated_at")
  private Instant secretRotatedAt;

  @Version private long version;

  protected WebhookEndpoint() {}

  public WebhookEndpoint(
      UUID id,
      OrganizationId organization,
      WebhookUrl url,
      String description,
      Set<EventType> eventTypes,
      boolean enabled,
      Instant now) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.createdAt = Objects.requireNonNull(now);
    change(url, description, eventTypes, enabled);
  }

  public void change(
      WebhookUrl url, String description, Set<EventType> eventTypes, boolean enabled) {
    this.url = url.value();
    this.description = description == null ? "" : description;
    this.eventTypes =
        Arrays.stream(EventType.values())
            .filter(eventTypes::contains)
            .map(EventType::label)
            .collect(Collectors.joining(" "));
    this.enabled = enabled;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public String url() {
    return url;
  }

  public String description() {
    return description;
  }

  public List<EventType> eventTypes() {
    return Arrays.stream(eventTypes.split(" "))
        .filter(s -> !s.isEmpty())
        .flatMap(s -> EventType.of(s).stream())
        .toList();
  }

  public boolean wants(EventType type) {
    return enabled && eventTypes().contains(type);
  }

  public boolean enabled() {
    return enabled;
  }

  public byte[] sealedSecret() {
    return sealedSecret.clone();
  }

  public void secret(byte[] sealed, Instant now) {
    if (this.sealedSecret != null) {
      this.secretRotatedAt = now;
    }
    this.sealedSecret = sealed.clone();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant secretRotatedAt() {
    return secretRotatedAt;
  }
}
