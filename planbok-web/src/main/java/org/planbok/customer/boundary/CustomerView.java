package org.planbok.customer.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.customer.entity.Customer;

/** A customer as the API shows it. */
@JsonbPropertyOrder({"id", "externalRef", "email", "status", "createdAt", "updatedAt"})
public record CustomerView(
    String id,
    String externalRef,
    String email,
    String status,
    Instant createdAt,
    Instant updatedAt) {
  static CustomerView of(Customer c) {
    return new CustomerView(
        c.id().toString(),
        c.externalRef().value(),
        c.email().value(),
        c.status().name(),
        c.createdAt(),
        c.updatedAt());
  }
}
