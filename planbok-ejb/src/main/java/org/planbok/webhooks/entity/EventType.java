package org.planbok.webhooks.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of webhook events. The {@link #label()} is what receivers switch on (the payload's
 * {@code type} and the {@code Planbok-Event-Type} header), so a label never changes meaning once
 * published.
 */
public enum EventType {
  KEY_CREATED("key.created", "a joint key was generated and is active"),
  KEY_REFRESHED("key.refreshed", "a key's shares were refreshed (same public key)"),
  KEY_FROZEN("key.frozen", "Node 2 froze a key: a joint signature failed its verification"),
  SIGNATURE_CREATED("signature.created", "a key signed (one event per signing request)"),
  SIGNATURE_REFUSED("signature.refused", "a policy refused a signature before Node 2 was asked"),
  EXPORT_COMPLETED("export.completed", "a wallet's key was exported, sealed to a device key"),
  PIN_LOCKED("pin.locked", "too many wrong PINs (or Organization Secrets): it is locked"),
  PIN_UNLOCKED("pin.unlocked", "an administrator lifted a PIN's lockout early"),
  RECOVERY_STARTED("recovery.started", "a recovery by email started its waiting period"),
  RECOVERY_MATURED("recovery.matured", "a recovery by email's waiting period ended"),
  RECOVERY_CANCELLED("recovery.cancelled", "a PIN holder cancelled a recovery by email"),
  RECOVERY_COMPLETED("recovery.completed", "a recovery set a new PIN and refreshed the keys"),
  PING("webhook.ping", "a test event sent on request to one endpoint");

  private final String label;
  private final String description;

  EventType(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public static Optional<EventType> of(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
