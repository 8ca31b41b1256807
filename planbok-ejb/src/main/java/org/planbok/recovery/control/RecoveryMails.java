package org.planbok.recovery.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.planbok.mail.MailMessage;

/**
 * The recovery mails, in plain text, written for the customer: what happened, what it means, what
 * to do. Only the kit mail carries a secret (the kit, shown once); the code mail carries a code
 * that is worth nothing without the kit.
 */
public final class RecoveryMails {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The line of the kit mail that holds the kit, so tools (and tests) can find it. */
  public static final String KIT_LINE = "Recovery kit: ";

  /** The line of the code mail that holds the code. */
  public static final String CODE_LINE = "Recovery code: ";

  private RecoveryMails() {}

  public static MailMessage kit(String to, String organization, String kit) {
    return new MailMessage(
        to,
        organization + ": your wallet recovery kit",
        """
        This email is the recovery kit of your wallet at %1$s. Keep it: print it, or store this
        email somewhere safe. Do not share it or forward it.

        %2$s%3$s

        If you ever forget your PIN, you can get your wallet back in %1$s's app by email: you ask
        for a code by email, enter it together with this kit, and after a waiting period (during
        which we email you and anyone with your PIN can cancel) you choose a new PIN.

        Nobody can use this kit without also having access to your mailbox, and nobody, including
        %1$s and Planbok, can recover your wallet without this kit. Any earlier kit no longer
        works. If you did not set up recovery by email, contact %1$s.
        """
            .formatted(organization, KIT_LINE, kit));
  }

  public static MailMessage code(String to, String organization, String code, Instant expires) {
    return new MailMessage(
        to,
        organization + ": your recovery code",
        """
        Someone asked to recover your wallet at %1$s by email.

        %2$s%3$s

        It works until %4$s, for a few tries. The code alone recovers nothing: the recovery also
        needs your recovery kit, and then waits before it completes.

        If this was not you, ignore this email; your wallet stays as it is.
        """
            .formatted(organization, CODE_LINE, code, WHEN.format(expires)));
  }

  public static MailMessage started(
      String to, String organization, Instant started, Instant matures) {
    return new MailMessage(
        to,
        organization + ": a recovery of your wallet has started",
        """
        A recovery of your wallet at %1$s was started on %2$s with your recovery kit and a code
        sent to this address.

        It can complete after %3$s. Whoever completes it chooses a new PIN and gets the wallet.

        If this was not you, cancel it before then: open %1$s's app and cancel the recovery with
        your PIN. Then make a new recovery kit, because someone has your current one.
        """
            .formatted(organization, WHEN.format(started), WHEN.format(matures)));
  }

  public static MailMessage cancelled(String to, String organization) {
    return new MailMessage(
        to,
        organization + ": the recovery of your wallet was cancelled",
        """
        The recovery of your wallet at %1$s by email was cancelled with your PIN. Nothing changed.

        If you did not cancel it, someone knows your PIN: change it in %1$s's app.
        """
            .formatted(organization));
  }

  public static MailMessage recovered(
      String to, String organization, String how, Instant at, boolean newKitFollows) {
    return new MailMessage(
        to,
        organization + ": your wallet was recovered",
        """
        Your wallet at %1$s was recovered on %2$s with %3$s, and a new PIN was set. Your addresses
        did not change. The old PIN no longer works.
        %4$s
        If this was not you, contact %1$s at once.
        """
            .formatted(
                organization,
                WHEN.format(at),
                how,
                newKitFollows
                    ? "\nA new recovery kit follows in a separate email; the old one no longer"
                        + " works.\n"
                    : ""));
  }

  public static MailMessage methodChanged(String to, String organization, String what) {
    return new MailMessage(
        to,
        organization + ": your wallet's recovery settings changed",
        """
        The recovery settings of your wallet at %1$s changed with your PIN: %2$s.

        If this was not you, someone knows your PIN: change it in %1$s's app.
        """
            .formatted(organization, what));
  }
}
