package org.planbok.customer.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planbok.organization.entity.Uuids;

/** Identifies a customer across Planbok; given by the server at creation. */
public record CustomerId(UUID value) {
  public CustomerId {
    Objects.requireNonNull(value);
  }

  public static CustomerId random() {
    return new CustomerId(UUID.randomUUID());
  }

  public static Optional<CustomerId> parse(String text) {
    return Uuids.parse(text).map(CustomerId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
