package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.control.Keys;
import org.planbok.keys.control.Refreshes;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mail.MailUnavailable;
import org.planbok.mail.Mailer;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.Ticket;
import org.planbok.node2client.TicketWanted;
import org.planbok.recovery.control.RecoveryOutcome.Kit;
import org.planbok.recovery.entity.RecoveryMethod;
import org.planbok.recovery.entity.RecoveryProfile;
import org.planbok.refusal.Refused;

/**
 * What every recovery ends with (DESIGN §5), in this order, each step safe to repeat:
 *
 * <ol>
 *   <li>Node 2 enrolls the new PIN with the ENROLL ticket the recovery secret bought; the old PIN
 *       stops working there and then. Open tickets are revoked.
 *   <li>{@link VaultRotation}: one Node 1 transaction moves everything to a new vault key (shares
 *       re-sealed, new PIN's wrapping, the answers re-wrapped or removed, the kit's removed).
 *   <li>{@link #finish}: a check of the new PIN buys a REFRESH ticket per key and ENROLL tickets
 *       for the recovery methods; every key is refreshed (two-phase, the new share sealed under the
 *       new vault key), so old shares and every old wrapping open nothing that still signs; Node 2
 *       forgets the answers if they were not kept; a fresh kit is mailed if email recovery was set
 *       up (which closes any recovery by email), else Node 2 forgets the kit; tickets are revoked;
 *       the customer is told.
 * </ol>
 *
 * A crash before step 2 leaves the recovery secret working (retry the recovery); after it, the new
 * PIN works and {@link #finish} completes what is left (the recovery call retried, or {@code POST
 * …/recovery/finish} with the new PIN).
 */
@Stateless
public class AfterRecovery {
  @Inject Node2Secrets node2;
  @Inject RecoveryAudit trail;
  @Inject VaultRotation rotation;
  @Inject Vaults vaults;
  @Inject Wrappings wrappings;
  @Inject Keys keys;
  @Inject Refreshes refreshes;
  @Inject EmailKits kits;
  @Inject Mailer mailer;
  @Inject RecoveryProfiles profiles;
  @Inject RecoveryNotices notices;
  @Inject RecoveryEvents events;

  /** Steps 1 to 3 with the vault key the recovery secret opened. */
  public RecoveryOutcome recover(
      Subject subject,
      RecoveryMethod method,
      VaultKey current,
      Ticket enrollPin,
      ClientSecret newPin,
      VaultRotation.Kept kept) {
    byte[] pepper = node2.enroll(subject, SecretPurpose.PIN, newPin.bytes(), enrollPin);
    try {
      trail.record(subject, "recovery.new-pin", "ENROLLED", "by " + method.label());
      node2.revokeTickets(subject);
      rotation.rotate(subject, method, current, pepper, newPin, kept);
    } finally {
      Arrays.fill(pepper, (byte) 0);
    }
    try {
      return finish(subject, newPin);
    } catch (Refused refused) {
      throw refused.secret() == SecretPurpose.PIN ? refused.aboutNewSecret() : refused;
    }
  }

  /**
   * Step 3 with the (new) PIN: refreshes the keys not refreshed since the recovery and settles the
   * recovery methods. With nothing left to do it only checks the PIN.
   */
  public RecoveryOutcome finish(Subject subject, ClientSecret pin) {
    RecoveryProfile profile =
        profiles.current(subject).filter(RecoveryProfile::unfinished).orElse(null);
    if (profile == null) {
      vaults.verify(subject, SecretPurpose.PIN, pin);
      RecoveryProfile last = profiles.current(subject).orElse(null);
      return new RecoveryOutcome(
          last == null ? null : last.recoveredWith().orElse(null),
          last == null ? null : last.recoveredAt().orElse(null),
          List.of(),
          List.of(),
          wrappings.exists(subject, SecretPurpose.EMAIL) ? Kit.SENT : Kit.NOT_SET,
          true);
    }
    Instant since = profile.recoveredAt().orElseThrow();
    List<JointKey> stale = new ArrayList<>();
    List<KeyId> skipped = new ArrayList<>();
    for (JointKey key : keys.of(subject)) {
      if (key.refreshedAt() != null && !key.refreshedAt().isBefore(since)) {
        continue;
      }
      if (key.frozen()) {
        skipped.add(key.id()); // signs nothing; its owner lifts the freeze with a refresh
      } else {
        stale.add(keys.usable(subject, key.id(), key.curve(), false));
      }
    }
    List<TicketWanted> wanted = new ArrayList<>();
    stale.forEach(k -> wanted.add(TicketWanted.of(k.id().toString(), Operation.REFRESH)));
    wanted.add(TicketWanted.of(SecretPurpose.QUESTIONS.label(), Operation.ENROLL));
    wanted.add(TicketWanted.of(SecretPurpose.EMAIL.label(), Operation.ENROLL));
    List<KeyId> refreshed = new ArrayList<>();
    Kit kit;
    try (OpenVault vault = vaults.open(subject, SecretPurpose.PIN, pin, wanted)) {
      for (int i = 0; i < stale.size(); i++) {
        refreshes.refreshWith(subject, stale.get(i), vault.key(), vault.ticket(i));
        refreshed.add(stale.get(i).id());
      }
      if (!wrappings.exists(subject, SecretPurpose.QUESTIONS)) {
        node2.remove(subject, SecretPurpose.QUESTIONS, vault.ticket(stale.size()));
      }
      kit = settleKit(subject, profile, vault.key(), vault.ticket(stale.size() + 1));
    }
    node2.revokeTickets(subject);
    RecoveryProfile done = profiles.current(subject).orElseThrow();
    done.kitIssued();
    done.finished(now());
    RecoveryMethod method = done.recoveredWith().orElseThrow();
    events.completed(subject, method, since, refreshed, skipped);
    trail.record(
        subject,
        "recovery.finish",
        "DONE",
        "by "
            + method.label()
            + "; refreshed "
            + refreshed
            + "; skipped "
            + skipped
            + "; kit "
            + kit);
    RecoveryProfiles.Recipient to = profiles.recipient(subject);
    notices.send(
        RecoveryMails.recovered(
            to.address(),
            to.organizationName(),
            method == RecoveryMethod.QUESTIONS ? "your security answers" : "your recovery kit",
            since,
            kit == Kit.SENT));
    return new RecoveryOutcome(method, since, refreshed, skipped, kit, true);
  }

  private Kit settleKit(Subject subject, RecoveryProfile profile, VaultKey key, Ticket ticket) {
    if (wrappings.exists(subject, SecretPurpose.EMAIL)) {
      return Kit.SENT; // issued by an earlier try of this finish
    }
    if (!profile.kitOwed()) {
      node2.remove(subject, SecretPurpose.EMAIL, ticket);
      return Kit.NOT_SET;
    }
    if (!mailer.configured()) {
      node2.remove(subject, SecretPurpose.EMAIL, ticket);
      return Kit.NOT_SENT;
    }
    try {
      kits.issue(subject, key, ticket, profiles.recipient(subject));
      trail.record(subject, "recovery.kit", "SENT", "after the recovery");
      return Kit.SENT;
    } catch (MailUnavailable e) {
      trail.record(subject, "recovery.kit", "NOT_SENT", "the mail server did not take it");
      return Kit.NOT_SENT;
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
