package org.planbok.mail;

import jakarta.ejb.ApplicationException;

/**
 * No message was handed to the SMTP server: there are no mail settings, or the server refused or
 * could not be reached. The message names neither the recipient nor the body. It does not roll back
 * the caller's transaction by itself: a recovery that cannot mail a fresh kit still stands, while a
 * setup that cannot mail its kit turns this into a problem that does roll back.
 */
@ApplicationException(rollback = false)
public class MailUnavailable extends RuntimeException {
  private final boolean configured;

  public MailUnavailable(boolean configured, String detail, Throwable cause) {
    super(detail, cause, false, false);
    this.configured = configured;
  }

  /** False when the installation has no mail settings at all. */
  public boolean configured() {
    return configured;
  }
}
