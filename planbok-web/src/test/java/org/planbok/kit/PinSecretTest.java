package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link PinSecret} against independent implementations: the reference Argon2 C code (argon2-jvm,
 * the one Node 1 runs) for the pinKey, the JDK's HmacSHA256 for the encryptedSecret; and the
 * refusal of short PINs.
 */
class PinSecretTest {
  private static final String SALT = "3q2-7wAAAAAAAAAAAAAAAA";

  @Test
  void pinKeyIsArgon2idOfTheReferenceImplementation() {
    byte[] salt = Base64.getUrlDecoder().decode(SALT);
    Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    byte[] expected =
        argon2.rawHash(
            PinSecret.ITERATIONS,
            PinSecret.MEMORY_KIB,
            PinSecret.PARALLELISM,
            "204518".getBytes(StandardCharsets.UTF_8),
            salt);
    assertArrayEquals(expected, PinSecret.pinKey("204518".toCharArray(), SALT));
  }

  @Test
  void encryptedSecretIsHmacOfThePinKeyWithTheLabel() throws Exception {
    byte[] pinKey = PinSecret.pinKey("204518".toCharArray(), SALT);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(pinKey, "HmacSHA256"));
    byte[] expected = mac.doFinal("planbok/v1/encrypted-secret".getBytes(StandardCharsets.UTF_8));
    String secret = PinSecret.encryptedSecret(pinKey);
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), secret);
    assertEquals(43, secret.length());
    assertEquals(secret, PinSecret.derive("204518".toCharArray(), SALT));
  }

  /** A fixed pinKey (bytes 0..31) and its encryptedSecret, computed with Python's hmac module. */
  @Test
  void encryptedSecretKnownAnswer() {
    byte[] pinKey = new byte[32];
    for (int i = 0; i < 32; i++) {
      pinKey[i] = (byte) i;
    }
    // python3 -c "import
    // hmac,hashlib,base64;print(base64.urlsafe_b64encode(hmac.new(bytes(range(32)),
    //   b'planbok/v1/encrypted-secret',hashlib.sha256).digest()).rstrip(b'='))"
    assertEquals(ENCRYPTED_SECRET_OF_0_TO_31, PinSecret.encryptedSecret(pinKey));
  }

  static final String ENCRYPTED_SECRET_OF_0_TO_31 = "moCFS4m2MGGyknyJwPqRV-zZJ3tqaAqIcwl155Wdvdc";

  @Test
  void refusesAFiveDigitPin() {
    PinSecret.PinTooShortException e =
        assertThrows(
            PinSecret.PinTooShortException.class,
            () -> PinSecret.derive("12345".toCharArray(), SALT));
    assertTrue(e.getMessage().contains("at least 6 digits"), e.getMessage());
    assertThrows(
        PinSecret.PinTooShortException.class, () -> PinSecret.pinKey("1234".toCharArray(), SALT));
    assertThrows(PinSecret.PinTooShortException.class, () -> PinSecret.pinKey(new char[0], SALT));
    assertEquals(6, PinSecret.MIN_PIN_LENGTH);
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // Five characters, one outside the BMP (two UTF-16 units): still five.
    assertThrows(
        PinSecret.PinTooShortException.class,
        () -> PinSecret.derive("1234\uD83D\uDD11".toCharArray(), SALT));
    assertEquals(43, PinSecret.derive("12345\uD83D\uDD11".toCharArray(), SALT).length());
  }

  @Test
  void refusesAPinKeyOfAnotherLength() {
    assertThrows(IllegalArgumentException.class, () -> PinSecret.encryptedSecret(new byte[31]));
  }
}
