package org.planbok.customer.control;

import java.util.Optional;
import org.planbok.customer.entity.CustomerStatus;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;

/**
 * Optional conditions on a customer list; all given ones must hold. Email matches ignoring case.
 */
public record CustomerFilter(
    Optional<CustomerStatus> status,
    Optional<EmailAddress> email,
    Optional<ExternalRef> externalRef) {
  public static CustomerFilter none() {
    return new CustomerFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
