package org.planbok.kit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Planbok client kit: turns a customer's PIN into the {@code encryptedSecret} that Planbok's API
 * takes, on the customer's device. The PIN never leaves the device.
 *
 * <p>{@code encryptedSecret = base64url(Argon2id(UTF-8 PIN, clientSalt))} without padding, with
 * Argon2 version 0x13, 19456 KiB of memory, 2 iterations, 1 lane and a 32-byte output (RFC 9106;
 * OWASP's recommended minimum). {@code clientSalt} is the customer's, from {@code GET
 * /api/v1/customers/{id}/pin}. Needs only BouncyCastle (bcprov).
 *
 * <pre>
 * java -cp bcprov-jdk18on.jar PinSecret.java 1234 3q2-7wAAAAAAAAAAAAAAAA
 * </pre>
 */
public final class PinSecret {
  public static final int MEMORY_KIB = 19456;
  public static final int ITERATIONS = 2;
  public static final int PARALLELISM = 1;
  public static final int LENGTH = 32;

  private PinSecret() {}

  /** The encryptedSecret for this PIN and the customer's clientSalt (base64url text). */
  public static String derive(char[] pin, String clientSalt) {
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
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
      Arrays.fill(out, (byte) 0);
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
