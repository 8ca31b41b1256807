package org.planbok.console.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.console.entity.ConsoleUserId;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.organization.entity.Organization;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * An organization's console users: created with a generated password shown once (by the operator
 * for the first admin, then by admins), signed in against their Argon2id hash, slowed down after
 * wrong passwords, and managed by admins. An organization keeps at least one active admin. Every
 * change and every sign-in is audited in the organization's chain.
 */
@Stateless
public class ConsoleUsers {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject ConsolePasswords passwords;
  @Inject AuditLog audit;
  @Inject AdminNotices notices;

  @Inject SignInThrottle throttle;

  Clock clock = Clock.systemUTC();

  /**
   * The organization's first admin, made by the operator token, which makes nothing else: once the
   * organization has a console user, its admins add the others (refused {@code ADMIN_EXISTS}). The
   * organization's row is locked first, so two concurrent calls cannot both make a "first" admin.
   * The new admin is told by mail that the operator acted (see {@link AdminNotices}).
   */
  public NewConsoleUser createFirstAdmin(OrganizationId organization, EmailAddress email) {
    Organization org =
        em.find(Organization.class, organization.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (org == null) {
      throw new Refused(Refusal.NOT_FOUND, "No organization " + organization + ".");
    }
    long users =
        em.createQuery(
                "SELECT COUNT(u) FROM ConsoleUser u WHERE u.organizationId = :organization",
                Long.class)
            .setParameter("organization", organization.toString())
            .getSingleResult();
    if (users > 0) {
      throw new Refused(
          Refusal.ADMIN_EXISTS,
          "The organization has its first admin already: the operator token makes only that one;"
              + " the organization's admins add further users in the console (Team).",
          null,
          Map.of());
    }
    NewConsoleUser created = create(organization, email, ConsoleRole.ADMIN);
    notices.operatorActed(
        org, "made " + created.user().email() + " the organization's first console admin");
    return created;
  }

  /** A new user of the organization with a generated password; the caller shows it once. */
  public NewConsoleUser create(OrganizationId organization, EmailAddress email, ConsoleRole role) {
    if (em.find(Organization.class, organization.toString()) == null) {
      throw new Refused(Refusal.NOT_FOUND, "No organization " + organization + ".");
    }
    if (byEmail(ConsoleUser.normalized(email), false).isPresent()) {
      throw new Refused(
          Refusal.ALREADY_EXISTS,
          "There is already a console user with this email address.",
          "email",
          Map.of());
    }
    char[] password = ConsolePasswords.generate(RANDOM);
    ConsoleUser user =
        new ConsoleUser(
            ConsoleUserId.random(), organization, email, role, passwords.hash(password), now());
    em.persist(user);
    em.flush();
    audit.append(organization, "console-user.create", target(user), "OK", "role " + role.label());
    return new NewConsoleUser(user, password);
  }

  /**
   * Checks an email address and password from {@code client} (the caller's address). Wrong
   * passwords are counted per account and client and per client ({@link SignInThrottle}), before
   * the check, so concurrent guesses are all counted; a stranger's failures lock out the stranger,
   * never the account's owner at another address.
   */
  public SignIn signIn(String email, String client, char[] password) {
    Instant now = now();
    boolean valid = EmailAddress.isValid(email);
    String account = valid ? ConsoleUser.normalized(new EmailAddress(email)) : email;
    Optional<ConsoleUser> found = valid ? byEmail(account, false) : Optional.empty();
    Optional<Instant> refused = throttle.admit(account, client, now);
    if (refused.isPresent()) {
      found.ifPresentOrElse(
          user -> signInAudit(user, "THROTTLED", "until " + refused.get()),
          () ->
              audit.appendAs(
                  "console", AuditChain.INSTALLATION, "console.sign-in", "", "THROTTLED", ""));
      return new SignIn.Throttled(refused.get());
    }
    if (found.isEmpty()) {
      passwords.spendACheck(password);
      audit.appendAs("console", AuditChain.INSTALLATION, "console.sign-in", "", "UNKNOWN", "");
      return throttle
          .lockedUntil(account, client, now)
          .<SignIn>map(SignIn.Throttled::new)
          .orElseGet(SignIn.Refused::new);
    }
    ConsoleUser user = found.get();
    boolean right = passwords.matches(user.passwordHash(), password);
    if (right && user.isActive()) {
      throttle.succeeded(account, client);
      user.signedIn(now);
      signInAudit(user, "OK", "");
      return new SignIn.SignedIn(user);
    }
    Optional<Instant> locked = throttle.lockedUntil(account, client, now);
    signInAudit(
        user,
        user.isActive() ? "WRONG_PASSWORD" : "DISABLED",
        locked.map(until -> "locked for this client until " + until).orElse(""));
    return locked.<SignIn>map(SignIn.Throttled::new).orElseGet(SignIn.Refused::new);
  }

  /** The user a session belongs to, while the user is active and the session still counts. */
  public Optional<ConsoleUser> current(ConsoleUserId id, int sessionGeneration) {
    return Optional.ofNullable(em.find(ConsoleUser.class, id.toString()))
        .filter(u -> u.isActive() && u.sessionGeneration() == sessionGeneration);
  }

  public void signedOut(ConsoleUser user) {
    audit.append(user.organization(), "console.sign-out", target(user), "OK", "");
  }

  public List<ConsoleUser> list(OrganizationId organization) {
    return em.createQuery(
            "SELECT u FROM ConsoleUser u WHERE u.organizationId = :organization"
                + " ORDER BY u.createdAt, u.id",
            ConsoleUser.class)
        .setParameter("organization", organization.toString())
        .getResultList();
  }

  /** One of the organization's users; another organization's is not found. */
  public ConsoleUser get(OrganizationId organization, ConsoleUserId id) {
    ConsoleUser user = em.find(ConsoleUser.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (user == null || !user.belongsTo(organization)) {
      throw new Refused(Refusal.NOT_FOUND, "No console user " + id + ".");
    }
    return user;
  }

  public ConsoleUser changeRole(OrganizationId organization, ConsoleUserId id, ConsoleRole role) {
    ConsoleUser user = get(organization, id);
    if (role != ConsoleRole.ADMIN) {
      requireAnotherAdmin(user);
    }
    user.changeRole(role);
    audit.append(organization, "console-user.role", target(user), "OK", "now " + role.label());
    return user;
  }

  public ConsoleUser disable(OrganizationId organization, ConsoleUserId id) {
    ConsoleUser user = get(organization, id);
    requireAnotherAdmin(user);
    user.disable(now());
    audit.append(organization, "console-user.disable", target(user), "OK", "");
    return user;
  }

  /** The user changes their own password; their other sessions end. */
  public ConsoleUser changePassword(ConsoleUserId id, char[] current, char[] next) {
    ConsoleUser user = em.find(ConsoleUser.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (user == null || !passwords.matches(user.passwordHash(), current)) {
      throw new Refused(
          Refusal.WRONG_PASSWORD, "The current password is wrong.", "password", Map.of());
    }
    if (Arrays.equals(current, next)) {
      throw Refused.invalid("newPassword", "newPassword: must differ");
    }
    user.changePassword(passwords.hash(next));
    audit.append(user.organization(), "console-user.password", target(user), "OK", "");
    return user;
  }

  private void requireAnotherAdmin(ConsoleUser user) {
    if (user.role() != ConsoleRole.ADMIN || !user.isActive()) {
      return;
    }
    long admins =
        em.createQuery(
                "SELECT COUNT(u) FROM ConsoleUser u WHERE u.organizationId = :organization"
                    + " AND u.role = :admin AND u.disabledAt IS NULL",
                Long.class)
            .setParameter("organization", user.organization().toString())
            .setParameter("admin", ConsoleRole.ADMIN)
            .getSingleResult();
    if (admins <= 1) {
      throw new Refused(
          Refusal.LAST_ADMIN,
          "This is the organization's last active admin; make another admin first.",
          null,
          Map.of());
    }
  }

  private Optional<ConsoleUser> byEmail(String normalized, boolean lock) {
    var query =
        em.createQuery("SELECT u FROM ConsoleUser u WHERE u.email = :email", ConsoleUser.class)
            .setParameter("email", normalized);
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  private void signInAudit(ConsoleUser user, String outcome, String detail) {
    audit.appendAs(
        "console:" + user.email(),
        AuditChain.of(user.organization()),
        "console.sign-in",
        target(user),
        outcome,
        detail);
  }

  static String target(ConsoleUser user) {
    return "console-user:" + user.email();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
