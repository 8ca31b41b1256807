package org.planbok.customer.boundary;

import org.planbok.customer.entity.CustomerId;
import org.planbok.problem.ProblemException;
import org.planbok.problem.ProblemType;
import org.planbok.web.input.FieldNames;

/** A customer id from a path: a malformed one names no customer, so it is a 404 like an unknown. */
public final class CustomerIds {
  private CustomerIds() {}

  public static CustomerId parse(String text) {
    return CustomerId.parse(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No customer " + FieldNames.printable(text) + "."));
  }
}
