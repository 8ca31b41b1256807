package org.planbok.customer.control;

import java.util.List;
import java.util.Optional;
import org.planbok.customer.entity.Customer;

/** One page of customers and, when there may be more, where the next page starts. */
public record CustomerPage(List<Customer> items, Optional<CustomerCursor> next) {}
