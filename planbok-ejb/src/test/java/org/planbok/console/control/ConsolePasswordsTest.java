package org.planbok.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.argon2.Argon2idHashes;
import org.planbok.atrest.DatabaseKey;
import org.planbok.refusal.Refused;

class ConsolePasswordsTest {
  private static final DatabaseKey KEY = DatabaseKey.of(new byte[32]);
  private final ConsolePasswords passwords = ConsolePasswords.with(KEY, 19456, 2, 1);

  @Test
  void hashesWithArgon2idInThePhcFormAndAFreshSalt() {
    String a = passwords.hash("correct horse battery".toCharArray());
    String b = passwords.hash("correct horse battery".toCharArray());
    assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
    assertNotEquals(a, b, "each hash has its own salt");
    assertFalse(a.contains("correct horse"), a);
    assertTrue(passwords.matches(a, "correct horse battery".toCharArray()));
    assertTrue(passwords.matches(b, "correct horse battery".toCharArray()));
  }

  @Test
  void rejectsAWrongPassword() {
    String hash = passwords.hash("correct horse battery".toCharArray());
    assertFalse(passwords.matches(hash, "correct horse batterY".toCharArray()));
    assertFalse(passwords.matches(hash, new char[0]));
    assertFalse(passwords.matches(hash, null));
  }

  @Test
  void aHashKeepsVerifyingWithTheCostItWasMadeWith() {
    String cheap = ConsolePasswords.with(KEY, 1024, 1, 1).hash("older cheaper hash".toCharArray());
    assertTrue(passwords.matches(cheap, "older cheaper hash".toCharArray()));
  }

  @Test
  void theStoredHashIsOfThePepperedPasswordSoACopyOfTheDatabaseTestsNoGuess() {
    String hash = passwords.hash("correct horse battery".toCharArray());
    Argon2idHashes plain = Argon2idHashes.with(19456, 2, 1);
    assertFalse(
        plain.matches(hash, "correct horse battery".toCharArray()),
        "Argon2id of the password alone (what a guesser with only the database computes)");
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertFalse(
        ConsolePasswords.with(DatabaseKey.of(otherKey), 19456, 2, 1)
            .matches(hash, "correct horse battery".toCharArray()),
        "another database key");
  }

  @Test
  void rejectsPasswordsOutsideTheRules() {
    for (String bad :
        new String[] {"short", "elevenchars", "a".repeat(20), "x".repeat(129), "tab\tinside pw"}) {
      Refused e = assertThrows(Refused.class, () -> passwords.hash(bad.toCharArray()));
      assertEquals("newPassword", e.input(), bad);
    }
  }

  @Test
  void aTooLongPasswordIsRefusedWithoutHashing() {
    String hash = passwords.hash("correct horse battery".toCharArray());
    assertFalse(passwords.matches(hash, "y".repeat(1_000_000).toCharArray()));
  }

  @Test
  void generatedPasswordsAre120BitsOfBase64url() {
    char[] one = ConsolePasswords.generate(new SecureRandom());
    char[] two = ConsolePasswords.generate(new SecureRandom());
    assertEquals(20, one.length);
    assertTrue(new String(one).matches("[A-Za-z0-9_-]{20}"));
    assertNotEquals(new String(one), new String(two));
    assertTrue(passwords.matches(passwords.hash(one), one));
  }
}
