package org.planbok.customer.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.entity.Customer;
import org.planbok.customer.entity.CustomerId;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.paging.Page;
import org.planbok.paging.PageCursor;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * An organization's customers. Every method takes the calling organization and never returns or
 * touches another organization's customer: such a customer is "not found", never "forbidden".
 */
@Stateless
public class Customers {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject Vaults vaults;
  @Inject AuditLog audit;

  public Customer create(OrganizationId organization, ExternalRef externalRef, EmailAddress email) {
    if (findByExternalRef(organization, externalRef).isPresent()) {
      throw duplicate(externalRef);
    }
    Customer customer = new Customer(CustomerId.random(), organization, externalRef, email, now());
    try {
      em.persist(customer);
      em.flush(); // a concurrent twin with the same externalRef fails here, not at commit
      vaults.ensure(Subject.customer(customer.id()), organization);
    } catch (PersistenceException e) {
      if (isIntegrityViolation(e)) {
        throw duplicate(externalRef);
      }
      throw e;
    }
    return customer;
  }

  public Customer get(OrganizationId organization, CustomerId id) {
    Customer customer = em.find(Customer.class, id.toString());
    if (customer == null || !customer.belongsTo(organization)) {
      throw new Refused(Refusal.NOT_FOUND, "No customer " + id + ".");
    }
    return customer;
  }

  /** The customer, who must be active to set up secrets, make keys or sign. */
  public Customer active(OrganizationId organization, CustomerId id) {
    Customer customer = get(organization, id);
    if (customer.status() != org.planbok.customer.entity.CustomerStatus.ACTIVE) {
      throw new Refused(Refusal.CUSTOMER_DISABLED, "Customer " + id + " is disabled.");
    }
    return customer;
  }

  /** Disables the customer; a disabled customer is returned unchanged. */
  public Customer disable(OrganizationId organization, CustomerId id) {
    Customer customer = get(organization, id);
    if (customer.status() != org.planbok.customer.entity.CustomerStatus.DISABLED) {
      customer.disable(now());
      audit.append(
          organization,
          "customer.disable",
          Subject.customer(id).value(),
          "OK",
          "externalRef " + customer.externalRef().value());
    }
    return customer;
  }

  /**
   * A page ordered by (created-at, id), after {@code cursor} when given. Keyset pagination: stable
   * under inserts and as fast on the thousandth page as on the first.
   */
  public Page<Customer> list(
      OrganizationId organization, CustomerFilter filter, int limit, Optional<PageCursor> cursor) {
    StringBuilder jpql =
        new StringBuilder("SELECT c FROM Customer c WHERE c.organizationId = :organization");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("organization", organization.toString());
    filter
        .status()
        .ifPresent(
            s -> {
              jpql.append(" AND c.status = :status");
              params.put("status", s);
            });
    filter
        .email()
        .ifPresent(
            e -> {
              jpql.append(" AND LOWER(c.email) = :email");
              params.put("email", e.value().toLowerCase(java.util.Locale.ROOT));
            });
    filter
        .externalRef()
        .ifPresent(
            r -> {
              jpql.append(" AND c.externalRef = :externalRef");
              params.put("externalRef", r.value());
            });
    cursor.ifPresent(
        c -> {
          jpql.append(
              " AND (c.createdAt > :afterTime OR (c.createdAt = :afterTime AND c.id > :afterId))");
          params.put("afterTime", c.createdAt());
          params.put("afterId", c.id().toString());
        });
    jpql.append(" ORDER BY c.createdAt, c.id");
    TypedQuery<Customer> query = em.createQuery(jpql.toString(), Customer.class);
    params.forEach(query::setParameter);
    List<Customer> rows = query.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<Customer> page = rows.subList(0, limit);
    return new Page<>(
        List.copyOf(page),
        Optional.of(
            PageCursor.after(page.get(limit - 1).createdAt(), page.get(limit - 1).id().value())));
  }

  private Optional<Customer> findByExternalRef(OrganizationId organization, ExternalRef ref) {
    return em.createQuery(
            "SELECT c FROM Customer c WHERE c.organizationId = :organization"
                + " AND c.externalRef = :externalRef",
            Customer.class)
        .setParameter("organization", organization.toString())
        .setParameter("externalRef", ref.value())
        .getResultStream()
        .findFirst();
  }

  private static Refused duplicate(ExternalRef ref) {
    return new Refused(
        Refusal.ALREADY_EXISTS,
        "This organization already has a customer with externalRef " + ref + ".",
        "externalRef",
        Map.of());
  }

  /** SQLSTATE class 23: a constraint, here the unique (organization, externalRef), refused it. */
  private static boolean isIntegrityViolation(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
