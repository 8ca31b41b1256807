package org.planbok.custody.control;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce: {@code nonce ‖ ciphertext ‖ tag}. The associated data
 * binds what a blob is and whose it is, so a blob copied into another row does not open.
 */
final class Aead {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Aead() {}

  static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(associatedData);
      byte[] sealed = gcm.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The plaintext; throws {@link WrongKey} when the key or associated data do not match. */
  static byte[] open(byte[] key, byte[] blob, byte[] associatedData) {
    if (blob.length < NONCE + TAG_BITS / 8) {
      throw new WrongKey();
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, blob, 0, NONCE));
      gcm.updateAAD(associatedData);
      return gcm.doFinal(blob, NONCE, blob.length - NONCE);
    } catch (AEADBadTagException e) {
      throw new WrongKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The blob does not open under this key and associated data. */
  static final class WrongKey extends RuntimeException {
    WrongKey() {
      super("the blob does not open under this key", null, false, false);
    }
  }
}
