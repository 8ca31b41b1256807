package org.planbok.webhooks.control;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One claimed delivery, ready to send: where, the event's id, type and body, and the endpoint's
 * secret (zeroed by {@link #close}). {@code refusal} is set instead when it cannot be sent at all
 * (its endpoint was disabled or deleted).
 */
record Parcel(
    UUID delivery,
    String claim,
    URI url,
    String eventId,
    String eventType,
    byte[] body,
    byte[] secret,
    String refusal)
    implements AutoCloseable {

  static Parcel refused(UUID delivery, String claim, String why) {
    return new Parcel(delivery, claim, null, null, null, null, null, why);
  }

  List<byte[]> secrets() {
    return List.of(secret);
  }

  @Override
  public void close() {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "Parcel[" + delivery + ", " + eventType + ", redacted]";
  }
}
