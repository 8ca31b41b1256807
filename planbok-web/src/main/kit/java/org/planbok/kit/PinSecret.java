package org.planbok.kit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Planbok client kit: turns a customer's PIN into the {@code pinKey} that stays on the device and
 * the {@code encryptedSecret} that Planbok's API takes. The PIN never leaves the device, and
 * neither does the pinKey, except sealed to Node 2 inside an {@link ExportAuthorization}.
 *
 * <ul>
 *   <li>{@code pinKey = Argon2id(UTF-8 PIN, clientSalt)}, Argon2 version 0x13, 19456 KiB of memory,
 *       2 iterations, 1 lane, 32 bytes (RFC 9106; OWASP's recommended minimum). {@code clientSalt}
 *       is the customer's, from {@code GET /api/v1/customers/{id}/pin}.
 *   <li>{@code encryptedSecret = base64url(HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret"))}
 *       without padding: what the integrator's backend relays. It is a one-way function of the
 *       pinKey, so a backend that sees it cannot seal an export authorization, which needs the
 *       pinKey itself.
 * </ul>
 *
 * A PIN has at least {@value #MIN_PIN_LENGTH} characters (Unicode code points): a shorter one is
 * refused before anything is derived. Needs only BouncyCastle (bcprov).
 *
 * <pre>
 * java -cp bcprov-jdk18on.jar PinSecret.java 204518 3q2-7wAAAAAAAAAAAAAAAA
 * </pre>
 */
public final class PinSecret {
  public static final int MEMORY_KIB = 19456;
  public static final int ITERATIONS = 2;
  public static final int PARALLELISM = 1;
  public static final int LENGTH = 32;

  /** The shortest PIN the kit derives: 10^6 six-digit PINs cost a guesser 10^6 Argon2id runs. */
  public static final int MIN_PIN_LENGTH = 6;

  /** The HMAC message that turns a pinKey into the encryptedSecret. */
  public static final String ENCRYPTED_SECRET_LABEL = "planbok/v1/encrypted-secret";

  private PinSecret() {}

  /** A PIN the kit refuses to derive: shorter than {@value #MIN_PIN_LENGTH} characters. */
  public static final class PinTooShortException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    PinTooShortException(int length) {
      super(
          "a PIN needs at least "
              + MIN_PIN_LENGTH
              + " digits; this one has "
              + length
              + ": ask the customer for a longer one");
    }
  }

  /**
   * The 32-byte pinKey for this PIN and the customer's clientSalt (base64url text). The caller
   * zeroes the returned array once done with it.
   *
   * @throws PinTooShortException if the PIN has fewer than {@value #MIN_PIN_LENGTH} characters
   */
  public static byte[] pinKey(char[] pin, String clientSalt) {
    requireLength(pin);
    byte[] salt = Base64.getUrlDecoder().decode(clientSalt);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] pinBytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    byte[] out = new byte[LENGTH];
    try {
      Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
      argon2.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withMemoryAsKB(MEMORY_KIB)
              .withIterations(ITERATIONS)
              .withParallelism(PARALLELISM)
              .withSalt(salt)
              .build());
      argon2.generateBytes(pinBytes, out);
      return out;
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
    }
  }

  /** The encryptedSecret of a pinKey: unpadded base64url of HMAC-SHA256(pinKey, label). */
  public static String encryptedSecret(byte[] pinKey) {
    if (pinKey.length != LENGTH) {
      throw new IllegalArgumentException("a pinKey has " + LENGTH + " bytes");
    }
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(new KeyParameter(pinKey));
    byte[] label = ENCRYPTED_SECRET_LABEL.getBytes(StandardCharsets.US_ASCII);
    hmac.update(label, 0, label.length);
    byte[] mac = new byte[hmac.getMacSize()];
    hmac.doFinal(mac, 0);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    } finally {
      Arrays.fill(mac, (byte) 0);
    }
  }

  /**
   * The encryptedSecret for this PIN and clientSalt: {@code encryptedSecret(pinKey(pin, salt))},
   * for the calls that need no export authorization (set-up, check, change, sign).
   */
  public static String derive(char[] pin, String clientSalt) {
    byte[] pinKey = pinKey(pin, clientSalt);
    try {
      return encryptedSecret(pinKey);
    } finally {
      Arrays.fill(pinKey, (byte) 0);
    }
  }

  private static void requireLength(char[] pin) {
    int length = Character.codePointCount(pin, 0, pin.length);
    if (length < MIN_PIN_LENGTH) {
      throw new PinTooShortException(length);
    }
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PinSecret <pin> <clientSalt>");
      System.exit(2);
    }
    System.out.println(derive(args[0].toCharArray(), args[1]));
  }
}
