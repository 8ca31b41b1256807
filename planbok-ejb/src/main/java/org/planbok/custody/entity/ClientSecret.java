package org.planbok.custody.entity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * What the client proves a secret with: for a customer the 32-byte Argon2id output of the PIN
 * (called {@code encryptedSecret} in the API), for an organization its 32-byte Organization Secret.
 * The PIN itself never reaches Planbok. Held in an array that {@link #destroy()} zeroes; {@link
 * #toString()} never shows it.
 */
public final class ClientSecret implements AutoCloseable {
  public static final int LENGTH = 32;
  public static final String RULE = "43 characters of base64url (no padding): 32 bytes";

  private final byte[] bytes;

  private ClientSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The 43-character unpadded base64url text of 32 bytes; empty for anything else. */
  public static Optional<ClientSecret> parse(String text) {
    if (text == null || text.length() != 43) {
      return Optional.empty();
    }
    try {
      byte[] decoded = Base64.getUrlDecoder().decode(text);
      if (decoded.length != LENGTH) {
        return Optional.empty();
      }
      // Canonical only: one secret, one text (base64 has slack in the last character).
      if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(text)) {
        Arrays.fill(decoded, (byte) 0);
        return Optional.empty();
      }
      return Optional.of(new ClientSecret(decoded));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static ClientSecret of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a client secret is 32 bytes");
    }
    return new ClientSecret(bytes.clone());
  }

  /** The bytes themselves, not a copy: do not keep them. */
  public byte[] bytes() {
    return bytes;
  }

  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "ClientSecret[redacted]";
  }
}
