package org.planbok.kit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Planbok client kit: turns a customer's answers to their security questions into the {@code
 * answersSecret} of Planbok's recovery API, on the customer's device. The answers never leave it.
 *
 * <p>Each answer is normalised, so that the customer need not remember how they typed it:
 *
 * <ol>
 *   <li>Unicode NFKC ({@code Normalizer.Form.NFKC}): full-width letters, ligatures and composed or
 *       decomposed accents become one form ("Ｃａｆé" and "Cafe\u0301" both become "Café");
 *   <li>lower case with {@code toLowerCase(Locale.ROOT)} (Unicode's default mapping, no locale
 *       rules: "İ" becomes "i̇" everywhere, not "i" in Turkish only);
 *   <li>every run of white space becomes one space, and spaces at either end go. White space is
 *       exactly Unicode's White_Space property: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
 *       U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
 * </ol>
 *
 * An answer that is empty after this is refused. Accents and punctuation stay ("café" is not
 * "cafe"), as do zero-width characters.
 *
 * <p>{@code joined = ‖ (u32 big-endian length of the UTF-8 bytes ‖ the UTF-8 bytes)} of the
 * normalised answers, in the order of the questions; {@code answersSecret =
 * base64url(Argon2id(joined, recoverySalt))} without padding, with the PIN's parameters (version
 * 0x13, 19456 KiB, 2 iterations, 1 lane, 32 bytes). {@code recoverySalt} is the customer's, from
 * {@code GET /api/v1/customers/{id}/recovery} (not the PIN's clientSalt). Java strings cannot be
 * zeroed; the joined bytes are.
 *
 * <pre>
 * java -cp bcprov-jdk18on.jar RecoveryAnswers.java &lt;recoverySalt&gt; "Rex" "Elm Street" "Golf GTI"
 * </pre>
 */
public final class RecoveryAnswers {
  private static final Pattern WHITE_SPACE =
      Pattern.compile(
          "[\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
              + "\\u205F\\u3000]+");

  private RecoveryAnswers() {}

  /** One answer as it is derived: NFKC, lower case (root locale), white space collapsed. */
  public static String normalise(String answer) {
    String nfkc = Normalizer.normalize(answer, Normalizer.Form.NFKC);
    String lower = nfkc.toLowerCase(Locale.ROOT);
    String collapsed = WHITE_SPACE.matcher(lower).replaceAll(" ");
    // After the collapse a run at either end is one U+0020.
    int start = !collapsed.isEmpty() && collapsed.charAt(0) == ' ' ? 1 : 0;
    int end = collapsed.length();
    if (end > start && collapsed.charAt(end - 1) == ' ') {
      end--;
    }
    return collapsed.substring(start, end);
  }

  /** The normalised answers, length-prefixed and joined in question order. */
  public static byte[] joined(List<String> answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < answers.size(); i++) {
      byte[] utf8 = normalise(answers.get(i)).getBytes(StandardCharsets.UTF_8);
      if (utf8.length == 0) {
        throw new IllegalArgumentException("answer " + (i + 1) + " is empty");
      }
      out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
      out.writeBytes(utf8);
      Arrays.fill(utf8, (byte) 0);
    }
    return out.toByteArray();
  }

  /** The answersSecret for these answers (in question order) and the customer's recoverySalt. */
  public static String derive(List<String> answers, String recoverySalt) {
    byte[] salt = Base64.getUrlDecoder().decode(recoverySalt);
    byte[] joined = joined(answers);
    byte[] out = new byte[PinSecret.LENGTH];
    try {
      Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
      argon2.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withMemoryAsKB(PinSecret.MEMORY_KIB)
              .withIterations(PinSecret.ITERATIONS)
              .withParallelism(PinSecret.PARALLELISM)
              .withSalt(salt)
              .build());
      argon2.generateBytes(joined, out);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } finally {
      Arrays.fill(joined, (byte) 0);
      Arrays.fill(out, (byte) 0);
    }
  }

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: RecoveryAnswers <recoverySalt> <answer> <answer> <answer> …");
      System.exit(2);
    }
    System.out.println(derive(List.of(args).subList(1, args.length), args[0]));
  }
}
