package org.planbok.mail;

import java.util.Objects;

/**
 * One plain-text message to one address. The body may carry a secret shown once (a recovery kit),
 * so {@link #toString()} shows neither address nor body.
 */
public record MailMessage(String to, String subject, String body) {
  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (subject.contains("\r") || subject.contains("\n")) {
      throw new IllegalArgumentException("a subject is one line");
    }
  }

  @Override
  public String toString() {
    return "MailMessage[" + subject + "]";
  }
}
