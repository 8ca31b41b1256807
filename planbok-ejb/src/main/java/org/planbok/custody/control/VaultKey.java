package org.planbok.custody.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An opened vault key: 32 bytes that wrap the subject's key shares with AES-256-GCM. The associated
 * data names what is sealed and which one ({@code "planbok/vault/v1" ‖ kind ‖ 0x00 ‖ id}), so a
 * share blob moved to another key's row does not open. Lives only for one request; {@link #close()}
 * zeroes it.
 */
public final class VaultKey implements AutoCloseable {
  static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  VaultKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a vault key is 32 bytes");
    }
    this.key = key;
  }

  /** A fresh vault key: a new subject's, or the one a recovery moves everything to. */
  public static VaultKey random() {
    byte[] key = new byte[LENGTH];
    RANDOM.nextBytes(key);
    return new VaultKey(key);
  }

  /** Seals {@code plaintext} as the {@code kind} named {@code id} (e.g. a share and its key). */
  public byte[] seal(String kind, String id, byte[] plaintext) {
    return Aead.seal(key, plaintext, associatedData(kind, id));
  }

  /** Opens what {@link #seal} sealed for the same kind and id; the caller zeroes the result. */
  public byte[] open(String kind, String id, byte[] sealed) {
    try {
      return Aead.open(key, sealed, associatedData(kind, id));
    } catch (Aead.WrongKey e) {
      throw new IllegalStateException(
          "a " + kind + " of " + id + " does not open under this vault key", e);
    }
  }

  byte[] bytes() {
    return key;
  }

  @Override
  public void close() {
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public String toString() {
    return "VaultKey[redacted]";
  }

  private static byte[] associatedData(String kind, String id) {
    return ("planbok/vault/v1" + kind + "\0" + id).getBytes(StandardCharsets.UTF_8);
  }
}
