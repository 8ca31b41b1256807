package org.planbok.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customers' mailboxes: a real SMTP server (GreenMail) in the test JVM, on the port that
 * src-it/pom.xml gives Node 1 as PLANBOK_MAIL_PORT. Started by the first test that needs it and
 * kept for the run; Node 1 connects to it for each message. Tests read what Node 1 sent.
 */
final class Mailbox {
  private static final int PORT = Integer.getInteger("planbok.it.smtp-port", 3025);
  private static GreenMail server;

  private Mailbox() {}

  /** One received message, as its reader sees it. */
  record Mail(String to, String subject, String body) {
    /** The value of the line that starts with {@code label}, e.g. "Recovery kit: ". */
    String line(String label) {
      return body.lines()
          .filter(l -> l.startsWith(label))
          .map(l -> l.substring(label.length()).strip())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no \"" + label + "\" in: " + subject));
    }

    @Override
    public String toString() {
      return "Mail[" + subject + "]";
    }
  }

  static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
  }

  /** Every message to the address so far, oldest first. */
  static synchronized List<Mail> to(String address) {
    start();
    List<Mail> out = new ArrayList<>();
    try {
      for (MimeMessage m : server.getReceivedMessages()) {
        for (Address a : m.getAllRecipients()) {
          if (a.toString().equalsIgnoreCase(address)) {
            out.add(new Mail(address, m.getSubject(), String.valueOf(m.getContent())));
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The newest message to the address whose subject contains {@code subject}, waiting for it. */
  static Mail await(String address, String subject, int atLeast) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<Mail> matching =
          to(address).stream().filter(m -> m.subject().contains(subject)).toList();
      if (matching.size() >= atLeast) {
        return matching.get(matching.size() - 1);
      }
      if (System.nanoTime() > until) {
        throw new AssertionError(
            "no mail \"" + subject + "\" (" + atLeast + ") for " + address + ": " + to(address));
      }
      sleep(200);
    }
  }

  static Optional<Mail> newest(String address, String subject) {
    List<Mail> matching = to(address).stream().filter(m -> m.subject().contains(subject)).toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
