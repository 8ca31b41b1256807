package org.planbok.organization.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.planbok.organization.entity.ApiKey;
import org.planbok.organization.entity.ApiKeyId;

/**
 * An API key's text, {@code pbk_live_<32 hex id>_<43 base64url secret>}, while it is in hand: at
 * issue (to show it once) or while a request is authenticated. The secret is 32 random bytes, kept
 * in an array that {@link #close()} zeroes.
 *
 * <p>Stored form: {@code SHA-256("planbok/api-key/v1" ‖ 0x00 ‖ id ‖ secret)}. A plain hash is
 * enough because the secret has 256 bits of entropy: a stolen hash cannot be inverted or guessed,
 * so a slow hash would only cost CPU on every request, and a pepper would be one more key to keep
 * and rotate without making guessing any harder. The id in the hash binds a secret to its key.
 */
public final class ApiKeyToken implements AutoCloseable {
  static final int SECRET_BYTES = 32;
  private static final int SECRET_CHARS = 43; // base64url without padding of 32 bytes
  private static final int ID_CHARS = 32;
  private static final int LENGTH = ApiKey.TEXT_PREFIX.length() + ID_CHARS + 1 + SECRET_CHARS;
  private static final byte[] DOMAIN = "planbok/api-key/v1".getBytes(StandardCharsets.US_ASCII);

  private final ApiKeyId id;
  private final byte[] secret;

  private ApiKeyToken(ApiKeyId id, byte[] secret) {
    this.id = id;
    this.secret = secret;
  }

  /** A new key with a fresh secret from {@code random}. */
  public static ApiKeyToken generate(ApiKeyId id, SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new ApiKeyToken(id, secret);
  }

  /**
   * Reads a presented key; empty for anything that is not exactly a key's shape, including a
   * non-canonical base64url secret (two texts must never authenticate as one key).
   */
  public static Optional<ApiKeyToken> parse(CharSequence text) {
    if (text == null || text.length() != LENGTH) {
      return Optional.empty();
    }
    String prefix = ApiKey.TEXT_PREFIX;
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(i) != prefix.charAt(i)) {
        return Optional.empty();
      }
    }
    int idStart = prefix.length();
    int separator = idStart + ID_CHARS;
    if (text.charAt(separator) != '_') {
      return Optional.empty();
    }
    Optional<ApiKeyId> id = ApiKeyId.fromHex(text.subSequence(idStart, separator));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    byte[] encoded = new byte[SECRET_CHARS];
    try {
      for (int i = 0; i < SECRET_CHARS; i++) {
        char c = text.charAt(separator + 1 + i);
        if (!isBase64Url(c)) {
          return Optional.empty();
        }
        encoded[i] = (byte) c;
      }
      byte[] secret = Base64.getUrlDecoder().decode(encoded);
      byte[] again = Base64.getUrlEncoder().withoutPadding().encode(secret);
      boolean canonical = Arrays.equals(again, encoded);
      Arrays.fill(again, (byte) 0);
      if (!canonical) {
        Arrays.fill(secret, (byte) 0);
        return Optional.empty();
      }
      return Optional.of(new ApiKeyToken(id.get(), secret));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  public ApiKeyId id() {
    return id;
  }

  /** The whole key's text; the caller shows it once and zeroes the array. */
  public char[] text() {
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(secret);
    String head = ApiKey.TEXT_PREFIX + id.hex() + "_";
    char[] text = new char[LENGTH];
    head.getChars(0, head.length(), text, 0);
    for (int i = 0; i < encoded.length; i++) {
      text[head.length() + i] = (char) encoded[i];
    }
    Arrays.fill(encoded, (byte) 0);
    return text;
  }

  /** The stored form of this key's secret, see the class comment. */
  public byte[] hash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      sha.update((byte) 0);
      sha.update(uuidBytes());
      sha.update(secret);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether this key's secret is the one {@code storedHash} was made from, in constant time. */
  public boolean matches(byte[] storedHash) {
    byte[] mine = hash();
    try {
      return MessageDigest.isEqual(mine, storedHash);
    } finally {
      Arrays.fill(mine, (byte) 0);
    }
  }

  private byte[] uuidBytes() {
    byte[] out = new byte[16];
    long high = id.value().getMostSignificantBits();
    long low = id.value().getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (high >>> (56 - 8 * i));
      out[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return out;
  }

  /** Zeroes the secret. */
  @Override
  public void close() {
    Arrays.fill(secret, (byte) 0);
  }

  @Override
  public String toString() {
    return "ApiKeyToken[" + ApiKey.TEXT_PREFIX + id.hex() + "_…]";
  }
}
