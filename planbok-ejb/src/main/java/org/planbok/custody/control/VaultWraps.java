package org.planbok.custody.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.VaultWrapping;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Wrapping a vault key for one unlock method and opening it again: AES-256-GCM under {@link
 * KeyEncryptionKey}, with associated data naming the subject and purpose, so a wrapping copied to
 * another subject or method does not open.
 */
final class VaultWraps {
  private static final Logger LOG = Logger.getLogger(VaultWraps.class.getName());

  private VaultWraps() {}

  static byte[] wrap(
      VaultKey vaultKey,
      byte[] pepper,
      ClientSecret secret,
      Subject subject,
      SecretPurpose purpose) {
    byte[] kek = KeyEncryptionKey.derive(pepper, secret.bytes(), subject, purpose);
    try {
      return Aead.seal(kek, vaultKey.bytes(), associatedData(subject, purpose));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  static VaultKey unwrap(VaultWrapping wrapping, byte[] pepper, ClientSecret secret) {
    byte[] kek =
        KeyEncryptionKey.derive(pepper, secret.bytes(), wrapping.subject(), wrapping.purpose());
    try {
      return new VaultKey(
          Aead.open(
              kek, wrapping.wrappedKey(), associatedData(wrapping.subject(), wrapping.purpose())));
    } catch (Aead.WrongKey e) {
      throw node2Inconsistent(wrapping);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /** Node 2 accepted the secret but its pepper does not open what it opened before. */
  static Refused node2Inconsistent(VaultWrapping wrapping) {
    LOG.severe(
        () ->
            "Node 2 accepted the "
                + wrapping.purpose().label()
                + " of "
                + wrapping.subject()
                + " but its pepper does not match Node 1's wrapping: Node 2's pepper key changed"
                + " or its answer was forged");
    return new Refused(
        Refusal.PEER_MISBEHAVED,
        "Node 2's answer does not match what Node 1 holds; nothing was changed.",
        null,
        Map.of());
  }

  private static byte[] associatedData(Subject subject, SecretPurpose purpose) {
    return ("planbok/vault-key/v1" + subject.value() + "\0" + purpose.label())
        .getBytes(StandardCharsets.UTF_8);
  }
}
