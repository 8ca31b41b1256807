package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.SecretRefusals;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.SecretCheck;
import org.planbok.node2client.TicketWanted;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.recovery.entity.RecoveryMethod;
import org.planbok.recovery.entity.RecoveryProfile;
import org.planbok.recovery.entity.SecurityQuestions;

/**
 * Recovery by security questions (DESIGN §5). The device normalises each answer, joins them and
 * derives {@code answersSecret = Argon2id(joined, recoverySalt)} (the client kit does it); Node 2
 * keeps a verifier and counts wrong sets strictly (3, then a day, doubling); the vault key is
 * wrapped once more under {@code HKDF(pepper ‖ answersSecret)}. Setting up, replacing and removing
 * need the PIN; recovering needs the answers and ends in a new PIN ({@link AfterRecovery}).
 */
@Stateless
public class QuestionRecoveries {
  private static final SecretPurpose QUESTIONS = SecretPurpose.QUESTIONS;

  @Inject Vaults vaults;
  @Inject RecoveryAudit trail;
  @Inject RecoveryMethodRemoval removal;
  @Inject Wrappings wrappings;
  @Inject Node2Secrets node2;
  @Inject RecoveryProfiles profiles;
  @Inject AfterRecovery after;
  @Inject RecoveryNotices notices;

  /**
   * Sets the questions up, or replaces them (and the answers): the PIN buys an ENROLL ticket, Node
   * 2 enrolls the answers, and the same vault key is wrapped under them. Returns whether they
   * replaced earlier ones. The old answers no longer open anything.
   */
  public boolean setUp(
      OrganizationId organization,
      Subject subject,
      ClientSecret pin,
      SecurityQuestions questions,
      ClientSecret answers) {
    profiles.lock(subject);
    RecoveryProfile profile = profiles.ensure(subject, organization);
    boolean replaced = wrappings.find(subject, QUESTIONS).isPresent();
    List<TicketWanted> ticket = List.of(TicketWanted.of(QUESTIONS.label(), Operation.ENROLL));
    try (OpenVault vault = vaults.open(subject, SecretPurpose.PIN, pin, ticket)) {
      byte[] pepper = node2.enroll(subject, QUESTIONS, answers.bytes(), vault.ticket(0));
      try {
        wrappings.install(subject, QUESTIONS, vault.key(), pepper, answers);
      } finally {
        Arrays.fill(pepper, (byte) 0);
      }
    }
    profile.questions(questions);
    trail.record(
        subject,
        "recovery.questions",
        replaced ? "REPLACED" : "SET",
        questions.items().size() + "");
    notify(subject, replaced ? "security questions replaced" : "security questions set up");
    return replaced;
  }

  /** Removes the questions with the PIN; Node 2 forgets the answers, so old copies stay shut. */
  public void remove(Subject subject, ClientSecret pin) {
    removal.remove(subject, QUESTIONS, pin);
    profiles.current(subject).ifPresent(p -> p.questions(null));
    trail.record(subject, "recovery.questions", "REMOVED", "");
    notify(subject, "security questions removed");
  }

  /**
   * Recovers with the answers: Node 2 checks them (counted; 3 wrong sets lock them) and buys an
   * ENROLL ticket for the new PIN; they open the vault key; then every recovery's end.
   */
  public RecoveryOutcome recover(Subject subject, ClientSecret answers, ClientSecret newPin) {
    profiles.lock(subject);
    if (wrappings.find(subject, QUESTIONS).isEmpty()) {
      throw SecretRefusals.notSet(QUESTIONS);
    }
    SecretCheck outcome =
        node2.check(
            subject,
            QUESTIONS,
            answers.bytes(),
            List.of(TicketWanted.of(SecretPurpose.PIN.label(), Operation.ENROLL)));
    if (!(outcome instanceof SecretCheck.Accepted accepted)) {
      trail.record(subject, "recovery.questions.check", "REFUSED", describe(outcome));
      throw SecretRefusals.of(outcome, QUESTIONS);
    }
    try (VaultKey current = wrappings.open(subject, QUESTIONS, accepted.pepper(), answers)) {
      trail.record(subject, "recovery.questions.check", "ACCEPTED", "");
      return after.recover(
          subject,
          RecoveryMethod.QUESTIONS,
          current,
          accepted.tickets().get(0),
          newPin,
          new VaultRotation.Kept(QUESTIONS, accepted.pepper(), answers));
    } finally {
      accepted.destroy();
    }
  }

  private void notify(Subject subject, String what) {
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    notices.send(RecoveryMails.methodChanged(to.address(), to.organizationName(), what));
  }

  static String describe(SecretCheck outcome) {
    return outcome.getClass().getSimpleName();
  }
}
