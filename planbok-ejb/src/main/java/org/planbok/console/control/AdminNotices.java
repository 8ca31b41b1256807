package org.planbok.console.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.mail.MailMessage;
import org.planbok.mail.MailUnavailable;
import org.planbok.mail.Mailer;
import org.planbok.organization.entity.Organization;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Tells an organization's admins, by mail, what the installation's operator did to it. The operator
 * token is one secret for the whole installation; whoever holds it must not act on an organization
 * unseen. So the notice is part of the action: when the mail server does not take it, the action is
 * refused (503 {@code mail-unavailable}) and rolled back. An installation without mail settings has
 * chosen to send none; its operator actions stand, recorded in the organization's audit chain.
 */
@Stateless
public class AdminNotices {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject Mailer mailer;

  Clock clock = Clock.systemUTC();

  /** Mails every active admin of {@code organization} that the operator did {@code what}. */
  public int operatorActed(Organization organization, String what) {
    List<ConsoleUser> admins =
        em.createQuery(
                "SELECT u FROM ConsoleUser u WHERE u.organizationId = :organization"
                    + " AND u.role = :admin AND u.disabledAt IS NULL ORDER BY u.createdAt, u.id",
                ConsoleUser.class)
            .setParameter("organization", organization.id().toString())
            .setParameter("admin", ConsoleRole.ADMIN)
            .getResultList();
    if (admins.isEmpty() || !mailer.configured()) {
      return 0;
    }
    String body =
        "The operator of your Planbok installation used the operator token on your organization "
            + organization.name().value()
            + " at "
            + clock.instant().truncatedTo(ChronoUnit.SECONDS)
            + ":\n\n  "
            + what
            + "\n\nIf nobody told you to expect this, tell the operator at once: the token may be"
            + " in the wrong hands. The console's audit log records it too.\n";
    try {
      for (ConsoleUser admin : admins) {
        mailer.send(
            new MailMessage(
                admin.email(),
                "Planbok: the operator acted on " + organization.name().value(),
                body));
      }
    } catch (MailUnavailable e) {
      throw new Refused(
          Refusal.MAIL_UNAVAILABLE,
          "The organization's admins could not be told by mail, so nothing was changed; try again"
              + " when the mail server takes messages.");
    }
    return admins.size();
  }
}
