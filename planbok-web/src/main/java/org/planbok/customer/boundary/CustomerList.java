package org.planbok.customer.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A page of customers; {@code nextCursor} is null on the last page. */
@JsonbPropertyOrder({"items", "nextCursor"})
public record CustomerList(List<CustomerView> items, String nextCursor) {}
