package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.atrest.AtRest;
import org.planbok.atrest.DatabaseKey;
import org.planbok.custody.entity.Subject;
import org.planbok.recovery.entity.EmailRecovery;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * The one-time code that proves the customer reads their mailbox: 6 random digits, valid 10 minutes
 * and for 5 tries, one at a time (a new code replaces the old), no sooner than {@code
 * planbok.recovery.email.code-interval} (default a minute) after the last and at most {@code
 * planbok.recovery.email.codes-per-day} (default 5) a day. So at most 25 guesses a day reach a
 * million codes, and a code alone recovers nothing: the kit is needed too.
 *
 * <p>Node 1 stores only {@code HMAC(database key, subject ‖ salt ‖ code)} ({@link
 * AtRest#RECOVERY_CODE}) with a random salt: a million codes are tried in a moment, so an unkeyed
 * hash would hand the live code to whoever reads a copy of the database; without the database key,
 * which is never in the database, the stored value tests no guess. The code is never enough on its
 * own anyway: the kit is needed too.
 */
@Stateless
public class RecoveryCodes {
  public static final Duration TTL = Duration.ofMinutes(10);
  public static final int TRIES = 5;
  public static final int RIGHT = -1;
  public static final int NO_CODE = -2;
  private static final Duration DAY = Duration.ofDays(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject DatabaseKey databaseKey;

  @Inject
  @ConfigProperty(name = "planbok.recovery.email.code-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "planbok.recovery.email.codes-per-day", defaultValue = "5")
  int perDay;

  /** A fresh code for the customer, or a 429 when they asked too often. */
  public IssuedCode issue(Subject subject) {
    Instant now = now();
    EmailRecovery row = em.find(EmailRecovery.class, subject.value());
    if (row == null) {
      row = new EmailRecovery(subject);
      em.persist(row);
    }
    if (row.lastCodeAt().isPresent() && now.isBefore(row.lastCodeAt().get().plus(interval))) {
      throw tooSoon(row.lastCodeAt().get().plus(interval), "A code was sent moments ago");
    }
    boolean newWindow =
        row.codesWindowStart().isEmpty() || !now.isBefore(row.codesWindowStart().get().plus(DAY));
    if (!newWindow && row.codesInWindow() >= perDay) {
      throw tooSoon(row.codesWindowStart().get().plus(DAY), perDay + " codes were sent today");
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Instant expires = now.plus(TTL);
    row.codeIssued(hash(subject, salt, code), salt, now, expires, newWindow);
    return new IssuedCode(code, expires);
  }

  /**
   * Checks a code in a transaction of its own, so that a wrong one stays counted when the request
   * fails (which is why this returns the attempts left instead of throwing: a problem would roll
   * the count back). A right code is not used up here: the caller uses it up with what it unlocked.
   *
   * @return {@link #RIGHT}, {@link #NO_CODE}, or the attempts left with this code (0: it is dead)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int attempt(Subject subject, String code) {
    Instant now = now();
    EmailRecovery row =
        em.find(EmailRecovery.class, subject.value(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !row.hasLiveCode(now, TRIES)) {
      return NO_CODE;
    }
    if (MessageDigest.isEqual(row.codeHash(), hash(subject, row.codeSalt(), code))) {
      return RIGHT;
    }
    int left = TRIES - row.codeFailed();
    if (left == 0) {
      row.codeUsed();
    }
    return left;
  }

  /** The problem for what {@link #attempt} answered, or nothing for a right code. */
  public static void require(int attempt) {
    if (attempt == RIGHT) {
      return;
    }
    if (attempt == NO_CODE) {
      throw new Refused(
          Refusal.RECOVERY_CODE_INVALID,
          "No recovery code is valid: none was sent, it expired, or it was tried too often."
              + " Ask for a new one.",
          "code",
          Map.of());
    }
    throw new Refused(
        Refusal.WRONG_RECOVERY_CODE,
        "The recovery code is wrong; " + attempt + " attempt(s) left with this code.",
        "code",
        Map.of("attemptsLeft", attempt));
  }

  /** In the caller's transaction: the code did its job. */
  public void used(Subject subject) {
    EmailRecovery row = em.find(EmailRecovery.class, subject.value());
    if (row != null) {
      em.refresh(row);
      row.codeUsed();
    }
  }

  private byte[] hash(Subject subject, byte[] salt, String code) {
    return databaseKey.mac(
        AtRest.RECOVERY_CODE,
        subject.value().getBytes(StandardCharsets.UTF_8),
        salt,
        code.getBytes(StandardCharsets.US_ASCII));
  }

  private static Refused tooSoon(Instant next, String why) {
    long seconds = Math.max(1, Duration.between(Instant.now(), next).toSeconds() + 1);
    return new Refused(
        Refusal.RATE_LIMITED,
        why + "; ask again after " + next + ".",
        null,
        Map.of("retryAfterSeconds", seconds));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** A code to mail, once. */
  public record IssuedCode(String code, Instant expiresAt) {
    @Override
    public String toString() {
      return "IssuedCode[redacted, " + expiresAt + "]";
    }
  }
}
