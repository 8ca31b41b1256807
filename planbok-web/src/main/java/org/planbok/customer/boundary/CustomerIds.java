package org.planbok.customer.boundary;

import org.planbok.custody.entity.Subject;
import org.planbok.customer.control.Customers;
import org.planbok.customer.entity.CustomerId;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/** A customer id from a path: a malformed one names no customer, so it is a 404 like an unknown. */
public final class CustomerIds {
  private CustomerIds() {}

  /** The customer as a key owner; an active one when the call is {@code toChange} anything. */
  public static Subject owner(
      Customers customers, OrganizationId organization, String id, boolean toChange) {
    CustomerId customer = parse(id);
    if (toChange) {
      customers.active(organization, customer);
    } else {
      customers.get(organization, customer);
    }
    return Subject.customer(customer);
  }

  public static CustomerId parse(String text) {
    return CustomerId.parse(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No customer " + FieldNames.printable(text) + "."));
  }
}
