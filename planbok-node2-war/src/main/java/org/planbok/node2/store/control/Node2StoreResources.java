package org.planbok.node2.store.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Makes Node 2's transaction-scoped {@code EntityManager} and the clock injectable through
 * constructors, so the store's beans can be built by hand in unit tests (with a resource-local unit
 * and a fixed clock) exactly as the container builds them.
 */
@ApplicationScoped
public class Node2StoreResources {
  @Produces
  @Node2Store
  @PersistenceContext(unitName = "node2")
  EntityManager entityManager;

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
