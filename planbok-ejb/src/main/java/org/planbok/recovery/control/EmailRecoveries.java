package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.SecretRefusals;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.mail.MailUnavailable;
import org.planbok.mail.Mailer;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.SecretCheck;
import org.planbok.node2client.TicketWanted;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.recovery.entity.EmailRecovery;
import org.planbok.recovery.entity.RecoveryMethod;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Recovery by email (DESIGN §5). Set up with the PIN ({@link EmailKits}: a kit mailed and
 * forgotten). To recover: (1) a one-time code to the mailbox ({@link RecoveryCodes}); (2) the code
 * and the kit: Node 2 checks the kit (counted) and opens a recovery that waits {@code
 * planbok.node2.recovery.email-delay}, and the customer is mailed how to cancel; (3) meanwhile a
 * PIN holder can cancel; (4) the kit again with a new PIN: Node 2 answers the kit's pepper only for
 * a matured, uncancelled recovery, and every recovery's end follows ({@link AfterRecovery}).
 */
@Stateless
public class EmailRecoveries {
  private static final SecretPurpose EMAIL = SecretPurpose.EMAIL;

  @Inject Vaults vaults;
  @Inject RecoveryAudit trail;
  @Inject RecoveryMethodRemoval removal;
  @Inject Wrappings wrappings;
  @Inject Node2Secrets node2;
  @Inject Mailer mailer;
  @Inject EmailKits kits;
  @Inject RecoveryCodes codes;
  @Inject RecoveryProfiles profiles;
  @Inject AfterRecovery after;
  @Inject RecoveryNotices notices;
  @Inject RecoveryEvents events;

  /**
   * Sets recovery by email up, or issues a new kit (the old one stops working): the PIN buys an
   * ENROLL ticket and {@link EmailKits} does the rest. Returns whether a kit existed before.
   */
  public boolean setUp(OrganizationId organization, Subject subject, ClientSecret pin) {
    requireMail();
    profiles.lock(subject);
    profiles.ensure(subject, organization);
    boolean replaced = wrappings.find(subject, EMAIL).isPresent();
    List<TicketWanted> ticket = List.of(TicketWanted.of(EMAIL.label(), Operation.ENROLL));
    try (OpenVault vault = vaults.open(subject, SecretPurpose.PIN, pin, ticket)) {
      kits.issue(subject, vault.key(), vault.ticket(0), profiles.recipient(subject));
    } catch (MailUnavailable e) {
      // Node 2 already took the new kit: the old wrapping opens nothing any more.
      wrappings.removeNow(subject, EMAIL);
      trail.record(subject, "recovery.email", "NOT_SENT", "the kit was not mailed");
      throw mailProblem(e, "The recovery kit could not be mailed; recovery by email is off.");
    }
    profiles.emailRecoveryEnded(subject);
    trail.record(subject, "recovery.email", replaced ? "REPLACED" : "SET", "kit mailed");
    return replaced;
  }

  /** Removes recovery by email with the PIN; Node 2 forgets the kit and closes its recoveries. */
  public void remove(Subject subject, ClientSecret pin) {
    removal.remove(subject, EMAIL, pin);
    profiles.emailRecoveryEnded(subject);
    trail.record(subject, "recovery.email", "REMOVED", "");
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    notices.send(
        RecoveryMails.methodChanged(
            to.address(), to.organizationName(), "recovery by email removed"));
  }

  /** Step 1: mails a one-time code; returns the masked address and the code's expiry. */
  public CodeSent sendCode(Subject subject) {
    requireMail();
    profiles.lock(subject);
    requireSetUp(subject);
    RecoveryCodes.IssuedCode code = codes.issue(subject);
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    try {
      mailer.send(
          RecoveryMails.code(to.address(), to.organizationName(), code.code(), code.expiresAt()));
    } catch (MailUnavailable e) {
      throw mailProblem(e, "The recovery code could not be mailed; nothing was changed.");
    }
    trail.record(subject, "recovery.email.code", "SENT", "expires " + code.expiresAt());
    return new CodeSent(mask(to.address()), code.expiresAt());
  }

  /**
   * Step 2: the code (counted, 5 tries) and the kit (counted by Node 2) open a recovery; the
   * customer is told, and only then may it complete.
   */
  public SecretCheck.RecoveryStarted confirm(Subject subject, String code, ClientSecret kit) {
    requireMail();
    profiles.lock(subject);
    requireSetUp(subject);
    RecoveryCodes.require(codes.attempt(subject, code));
    SecretCheck outcome = node2.startRecovery(subject, EMAIL, kit.bytes());
    if (!(outcome instanceof SecretCheck.RecoveryStarted started)) {
      trail.record(
          subject, "recovery.email.start", "REFUSED", QuestionRecoveries.describe(outcome));
      throw SecretRefusals.of(outcome, EMAIL);
    }
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    try {
      mailer.send(
          RecoveryMails.started(
              to.address(), to.organizationName(), started.startedAt(), started.maturesAt()));
    } catch (MailUnavailable e) {
      throw mailProblem(
          e, "The customer could not be told about the recovery, so it cannot go on; retry.");
    }
    codes.used(subject);
    EmailRecovery row = profiles.emailRecovery(subject).orElseThrow();
    boolean announcedBefore = row.announced();
    row.announced(started.startedAt(), started.maturesAt(), now());
    if (!announcedBefore) {
      // Not Node 2's resumed flag: a try whose mail failed rolled back and was never announced.
      events.started(subject, started.startedAt(), started.maturesAt());
    }
    trail.record(
        subject,
        "recovery.email.start",
        started.resumed() ? "RESUMED" : "WAITING",
        "matures " + started.maturesAt());
    return started;
  }

  /** Step 3: a PIN holder cancels; returns how many recoveries Node 2 cancelled. */
  public int cancel(Subject subject, ClientSecret pin) {
    profiles.lock(subject);
    List<TicketWanted> ticket = List.of(TicketWanted.of(EMAIL.label(), Operation.CANCEL_RECOVERY));
    int cancelled;
    try (OpenVault vault = vaults.open(subject, SecretPurpose.PIN, pin, ticket)) {
      cancelled = node2.cancelRecovery(subject, EMAIL, vault.ticket(0));
    }
    profiles.emailRecoveryEnded(subject);
    if (cancelled > 0) {
      events.cancelled(subject, cancelled);
    }
    trail.record(subject, "recovery.email.cancel", "CANCELLED", cancelled + "");
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    notices.send(RecoveryMails.cancelled(to.address(), to.organizationName()));
    return cancelled;
  }

  /** Step 4: the kit and a new PIN, once Node 2 lets the recovery complete. */
  public RecoveryOutcome complete(Subject subject, ClientSecret kit, ClientSecret newPin) {
    profiles.lock(subject);
    requireSetUp(subject);
    if (profiles.emailRecovery(subject).filter(EmailRecovery::announced).isEmpty()) {
      throw SecretRefusals.notStarted();
    }
    SecretCheck outcome =
        node2.check(
            subject,
            EMAIL,
            kit.bytes(),
            List.of(TicketWanted.of(SecretPurpose.PIN.label(), Operation.ENROLL)));
    if (!(outcome instanceof SecretCheck.Accepted accepted)) {
      trail.record(
          subject, "recovery.email.release", "REFUSED", QuestionRecoveries.describe(outcome));
      throw SecretRefusals.of(outcome, EMAIL);
    }
    try (VaultKey current = wrappings.open(subject, EMAIL, accepted.pepper(), kit)) {
      trail.record(subject, "recovery.email.release", "RELEASED", "");
      return after.recover(
          subject, RecoveryMethod.EMAIL, current, accepted.tickets().get(0), newPin, null);
    } finally {
      accepted.destroy();
    }
  }

  private void requireSetUp(Subject subject) {
    if (wrappings.find(subject, EMAIL).isEmpty()) {
      throw SecretRefusals.notSet(EMAIL);
    }
  }

  private void requireMail() {
    if (!mailer.configured()) {
      throw new Refused(
          Refusal.MAIL_UNAVAILABLE,
          "This installation has no mail settings (planbok.mail.host, planbok.mail.from), so"
              + " recovery by email is off.");
    }
  }

  private static Refused mailProblem(MailUnavailable e, String detail) {
    return new Refused(Refusal.MAIL_UNAVAILABLE, detail);
  }

  /** {@code a***@example.com}: enough for the customer to recognise, little for anyone else. */
  static String mask(String address) {
    int at = address.indexOf('@');
    return (at <= 1 ? "*" : address.charAt(0) + "***") + address.substring(Math.max(at, 0));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** Where the code went (masked) and until when it works. */
  public record CodeSent(String sentTo, Instant expiresAt) {}
}
