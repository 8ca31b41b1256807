package org.planbok.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.planbok.argon2.Argon2idHashes;
import org.planbok.atrest.AtRest;
import org.planbok.atrest.DatabaseKey;
import org.planbok.refusal.Refused;

/**
 * Console passwords as Argon2id hashes ({@link Argon2idHashes}: Node 1's configured cost, a random
 * salt each, a hash keeps verifying with the cost it was made with) of the password peppered with
 * the database key: {@code Argon2id(HMAC(database key, UTF-8 password))} ({@link
 * AtRest#CONSOLE_PASSWORD}). Argon2id alone slows a guesser down; the pepper, which is never in the
 * database, leaves a copy of the database nothing to test a guess against at all. Passwords are 12
 * to 128 characters; longer ones are refused before any hashing, so a huge password cannot cost the
 * server more than a normal one.
 */
@ApplicationScoped
public class ConsolePasswords {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final int GENERATED_BYTES = 15; // 120 bits, 20 base64url characters

  @Inject Argon2idHashes hashes;
  @Inject DatabaseKey databaseKey;
  private volatile String decoy;

  private static final String CHOSEN = "newPassword";

  /** For tests: passwords peppered with {@code key} and hashed with these parameters. */
  public static ConsolePasswords with(
      DatabaseKey key, int memoryKib, int iterations, int parallelism) {
    ConsolePasswords p = new ConsolePasswords();
    p.hashes = Argon2idHashes.with(memoryKib, iterations, parallelism);
    p.databaseKey = key;
    return p;
  }

  /** The hash of an acceptable password; the caller zeroes {@code password}. */
  public String hash(char[] password) {
    requireAcceptable(password);
    byte[] peppered = peppered(password);
    try {
      return hashes.of(peppered);
    } finally {
      Arrays.fill(peppered, (byte) 0);
    }
  }

  /** Whether {@code password} is the one {@code hash} was made from. */
  public boolean matches(String hash, char[] password) {
    if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
      return false;
    }
    byte[] peppered = peppered(password);
    try {
      return hashes.matches(hash, peppered);
    } finally {
      Arrays.fill(peppered, (byte) 0);
    }
  }

  private byte[] peppered(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] utf8 = new byte[encoded.remaining()];
    encoded.get(utf8);
    try {
      return databaseKey.mac(AtRest.CONSOLE_PASSWORD, utf8);
    } finally {
      Arrays.fill(utf8, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  /**
   * Spends what checking a real account costs, for an address that has none: otherwise the answer's
   * speed would tell which addresses have accounts.
   */
  public void spendACheck(char[] password) {
    if (decoy == null) {
      char[] random = generate(new SecureRandom());
      decoy = hash(random);
      Arrays.fill(random, '\0');
    }
    matches(decoy, password);
  }

  /** A random password of 120 bits, for a new user to sign in with once and change. */
  public static char[] generate(SecureRandom random) {
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    char[] out = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      out[i] = (char) encoded[i];
    }
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(encoded, (byte) 0);
    return out;
  }

  /**
   * The rules for a password a person chose. The only one anybody chooses is the new password of a
   * change (a new user's first one is generated), so a refusal names that input.
   */
  static void requireAcceptable(char[] password) {
    String field = CHOSEN;
    if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
      throw Refused.invalid(
          field, field + ": must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    for (char c : password) {
      if (Character.isISOControl(c)) {
        throw Refused.invalid(field, field + ": no control characters");
      }
    }
    boolean allSame = true;
    for (char c : password) {
      allSame &= c == password[0];
    }
    if (allSame) {
      throw Refused.invalid(field, field + ": not one character repeated");
    }
  }
}
