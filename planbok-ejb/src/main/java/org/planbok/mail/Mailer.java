package org.planbok.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through the SMTP server of {@code planbok.mail.host}, {@code .port} (default 587),
 * {@code .from}, optional {@code .user} and {@code .password}, and {@code .tls}: {@code starttls}
 * (default, required), {@code ssl} (implicit TLS) or {@code none}. Without a host and a sender the
 * installation sends no mail, and what needs mail is refused.
 *
 * <p>Connects for each message and reads the settings then, never at start-up: the SMTP server may
 * come up after Node 1 (the integration tests start theirs after the servers), and a dead
 * connection is never reused. Recipients and bodies are never logged.
 */
@ApplicationScoped
public class Mailer {
  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Inject
  @ConfigProperty(name = "planbok.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "planbok.mail.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "planbok.mail.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "planbok.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "planbok.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "planbok.mail.tls", defaultValue = "starttls")
  String tls;

  @Inject
  @ConfigProperty(name = "planbok.mail.timeout-ms", defaultValue = "10000")
  int timeoutMillis;

  /** Whether this installation has mail settings at all. */
  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
  }

  /** Hands the message to the SMTP server, or throws {@link MailUnavailable}. */
  public void send(MailMessage message) {
    if (!configured()) {
      throw new MailUnavailable(false, "no mail settings (planbok.mail.host, .from)", null);
    }
    try {
      Session session = Session.getInstance(properties(), authenticator());
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(from.get(), true));
      mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
      mime.setSubject(message.subject(), "UTF-8");
      mime.setText(message.body(), "UTF-8");
      mime.setSentDate(new Date());
      Transport.send(mime);
      LOG.fine(() -> "sent mail \"" + message.subject() + "\"");
    } catch (MessagingException | RuntimeException e) {
      LOG.warning(() -> "could not send mail \"" + message.subject() + "\": " + describe(e));
      throw new MailUnavailable(true, "the mail server did not take the message", null);
    }
  }

  Properties properties() {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host.orElseThrow());
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
    switch (tls) {
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case "ssl" -> p.put("mail.smtp.ssl.enable", "true");
      case "none" -> {
        // plain SMTP: a local relay or a test server
      }
      default ->
          throw new MailUnavailable(true, "planbok.mail.tls must be starttls, ssl or none", null);
    }
    if (user.filter(u -> !u.isBlank()).isPresent()) {
      p.put("mail.smtp.auth", "true");
    }
    return p;
  }

  private Authenticator authenticator() {
    if (user.filter(u -> !u.isBlank()).isEmpty()) {
      return null;
    }
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user.get(), password.orElse(""));
      }
    };
  }

  /** The failure's kind and the server's words, which name no recipient and carry no body. */
  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }
}
