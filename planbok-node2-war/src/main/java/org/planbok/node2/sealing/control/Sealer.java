package org.planbok.node2.sealing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.planbok.mpc.wire.WireWriter;

/**
 * Seals Node 2's secrets at rest with AES-256-GCM under a key derived from the master key.
 *
 * <p>A sealed blob is {@code format(1) ‖ keyId(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)}: {@code
 * format} is 1; {@code keyId} names the master key (see {@link MasterKey#id()}); the nonce is
 * random for every seal. The associated data binds the format, the key id, the <em>purpose</em>
 * (what the secret is: {@code "key-share"}, {@code "verifier"}, …) and the <em>record id</em> (the
 * row it belongs to), all length-prefixed, so a blob copied into another row, or into another
 * column of the same row, does not unseal.
 *
 * <p><b>Rotation.</b> Generate a new master key, configure it as {@code planbok.node2.master-key}
 * (or {@code -file}) and the old one as {@code planbok.node2.master-key-previous} (or {@code
 * -previous-file}), restart. New seals use the new key; blobs under the old one still unseal, and
 * the stores re-seal a blob under the current key whenever they read one that is not ({@link
 * #isCurrent(byte[])}, {@link #reseal}). {@code org.planbok.node2.store.control.Rotation} re-seals
 * every remaining row in one pass; once it reports nothing left under the previous key, remove the
 * previous key from the configuration.
 */
@ApplicationScoped
public class Sealer {
  static final byte FORMAT = 1;
  private static final int HEADER = 2;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final String KEY_LABEL = "planbok/node2/seal/aes-256-gcm/v1";

  private MasterKeys keys;
  private SecureRandom random;

  Sealer() {
    // for the CDI proxy
  }

  @Inject
  public Sealer(MasterKeys keys) {
    this.keys = Objects.requireNonNull(keys);
    this.random = new SecureRandom();
  }

  public byte[] seal(String purpose, String recordId, byte[] plaintext) {
    MasterKey key = keys.current();
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] sealed = new byte[HEADER + NONCE + plaintext.length + TAG_BITS / 8];
    sealed[0] = FORMAT;
    sealed[1] = key.id();
    System.arraycopy(nonce, 0, sealed, HEADER, NONCE);
    try {
      Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, nonce, purpose, recordId);
      gcm.doFinal(plaintext, 0, plaintext.length, sealed, HEADER + NONCE);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * The plaintext (the caller zeroes it), or {@link SealedBlobRejected} when the blob is malformed,
   * names an unknown master key, was changed, or belongs to another purpose or record.
   */
  public byte[] unseal(String purpose, String recordId, byte[] sealed) {
    if (sealed == null || sealed.length < HEADER + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new SealedBlobRejected("malformed sealed blob");
    }
    MasterKey key =
        keys.byId(sealed[1])
            .orElseThrow(
                () ->
                    new SealedBlobRejected(
                        "sealed under an unknown master key (id "
                            + String.format("0x%02x", sealed[1])
                            + "); is planbok.node2.master-key-previous missing?"));
    byte[] nonce = Arrays.copyOfRange(sealed, HEADER, HEADER + NONCE);
    try {
      Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, nonce, purpose, recordId);
      return gcm.doFinal(sealed, HEADER + NONCE, sealed.length - HEADER - NONCE);
    } catch (AEADBadTagException e) {
      throw new SealedBlobRejected(
          "sealed blob does not authenticate: changed, or sealed for another record or purpose");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Whether the blob is sealed under the current master key (else it wants {@link #reseal}). */
  public boolean isCurrent(byte[] sealed) {
    return sealed != null && sealed.length > 1 && sealed[1] == keys.current().id();
  }

  /** The same plaintext sealed again under the current master key. */
  public byte[] reseal(String purpose, String recordId, byte[] sealed) {
    byte[] plaintext = unseal(purpose, recordId, sealed);
    try {
      return seal(purpose, recordId, plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static Cipher cipher(
      int mode, MasterKey key, byte[] nonce, String purpose, String recordId)
      throws GeneralSecurityException {
    byte[] aesKey = key.derive(KEY_LABEL, 32);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(
          new WireWriter()
              .text("planbok/node2/seal/v1")
              .bytes(new byte[] {FORMAT, key.id()})
              .text(Objects.requireNonNull(purpose, "purpose"))
              .text(Objects.requireNonNull(recordId, "recordId"))
              .toBytes());
      return gcm;
    } finally {
      Arrays.fill(aesKey, (byte) 0);
    }
  }
}
