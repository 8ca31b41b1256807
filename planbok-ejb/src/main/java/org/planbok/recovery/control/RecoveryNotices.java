package org.planbok.recovery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.planbok.mail.MailMessage;
import org.planbok.mail.MailUnavailable;
import org.planbok.mail.Mailer;

/**
 * Mails that tell the customer what happened but that the operation does not depend on: a failure
 * is logged (without the address) and the operation stands.
 */
@ApplicationScoped
public class RecoveryNotices {
  private static final Logger LOG = Logger.getLogger(RecoveryNotices.class.getName());

  @Inject Mailer mailer;

  /** Whether the message was handed to the mail server. */
  public boolean send(MailMessage message) {
    if (!mailer.configured()) {
      return false;
    }
    try {
      mailer.send(message);
      return true;
    } catch (MailUnavailable e) {
      LOG.warning(() -> "a recovery notice was not sent: " + message.subject());
      return false;
    }
  }
}
