package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.entity.Customer;
import org.planbok.mail.Mailer;
import org.planbok.organization.entity.Organization;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.recovery.entity.EmailRecovery;
import org.planbok.recovery.entity.RecoveryProfile;

/**
 * Customers' recovery profiles, and the lock every change to a customer's recovery methods takes:
 * the customer row, for the request. Nothing a recovery writes in a transaction of its own is that
 * row, so the lock serialises recoveries and method changes of one customer without deadlocking
 * their own steps.
 */
@Stateless
public class RecoveryProfiles {
  private static final int SALT = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject RecoveryEvents events;

  @Inject Wrappings wrappings;
  @Inject Mailer mailer;

  /** The profile, made with a fresh random recovery salt the first time. */
  public RecoveryProfile ensure(Subject subject, OrganizationId organization) {
    RecoveryProfile profile = em.find(RecoveryProfile.class, subject.value());
    if (profile == null) {
      byte[] salt = new byte[SALT];
      RANDOM.nextBytes(salt);
      profile = new RecoveryProfile(subject, organization, salt);
      em.persist(profile);
    }
    return profile;
  }

  /**
   * The profile as the database holds it now (a step in its own transaction may have changed it).
   */
  public Optional<RecoveryProfile> current(Subject subject) {
    RecoveryProfile profile = em.find(RecoveryProfile.class, subject.value());
    if (profile != null) {
      em.refresh(profile);
    }
    return Optional.ofNullable(profile);
  }

  /** The customer's email recovery as the database holds it now. */
  public Optional<EmailRecovery> emailRecovery(Subject subject) {
    EmailRecovery row = em.find(EmailRecovery.class, subject.value());
    if (row != null) {
      em.refresh(row);
    }
    return Optional.ofNullable(row);
  }

  /** No recovery by email waits any more (cancelled, completed, or its kit replaced). */
  public void emailRecoveryEnded(Subject subject) {
    emailRecovery(subject)
        .ifPresent(
            row -> {
              row.recoveryEnded();
              row.codeUsed();
            });
    events.ended(subject);
  }

  /** Locks the customer for the request: recovery changes of one customer run one at a time. */
  public Customer lock(Subject subject) {
    Customer customer =
        em.find(Customer.class, customerId(subject), LockModeType.PESSIMISTIC_WRITE);
    if (customer == null) {
      throw new IllegalArgumentException("no customer " + subject);
    }
    return customer;
  }

  /** Who a recovery mail goes to, and in whose name. */
  public Recipient recipient(Subject subject) {
    Customer customer = em.find(Customer.class, customerId(subject));
    Organization organization = em.find(Organization.class, customer.organization().toString());
    return new Recipient(customer.email().value(), organization.name().value());
  }

  public RecoveryStatus status(Subject subject, OrganizationId organization) {
    RecoveryProfile profile = ensure(subject, organization);
    EmailRecovery email = em.find(EmailRecovery.class, subject.value());
    return new RecoveryStatus(
        profile,
        wrappings.find(subject, SecretPurpose.QUESTIONS).isPresent(),
        wrappings.find(subject, SecretPurpose.EMAIL).isPresent(),
        mailer.configured(),
        Optional.ofNullable(email).filter(EmailRecovery::announced));
  }

  private static String customerId(Subject subject) {
    if (subject.isOrganization()) {
      throw new IllegalArgumentException("recovery is for customers");
    }
    return subject.contract().id();
  }

  /** A customer's address and the organization the mail speaks for. */
  public record Recipient(String address, String organizationName) {
    @Override
    public String toString() {
      return "Recipient[redacted]";
    }
  }
}
