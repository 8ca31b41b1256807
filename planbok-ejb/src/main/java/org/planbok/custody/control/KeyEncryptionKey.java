package org.planbok.custody.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;

/**
 * The key that wraps a vault key for one unlock method (DESIGN §5): {@code KEK = HKDF-SHA256(ikm =
 * pepper ‖ secret, salt = "planbok/node1/kek/v1", info = subject ‖ 0x00 ‖ purpose)}, RFC 5869.
 * Without Node 2's pepper the secret alone derives nothing; without the secret the pepper alone
 * derives nothing; so neither node's database can test a PIN guess offline.
 */
final class KeyEncryptionKey {
  private static final byte[] SALT = "planbok/node1/kek/v1".getBytes(StandardCharsets.US_ASCII);
  static final int LENGTH = 32;

  private KeyEncryptionKey() {}

  static byte[] derive(byte[] pepper, byte[] secret, Subject subject, SecretPurpose purpose) {
    byte[] ikm = new byte[pepper.length + secret.length];
    System.arraycopy(pepper, 0, ikm, 0, pepper.length);
    System.arraycopy(secret, 0, ikm, pepper.length, secret.length);
    byte[] info = (subject.value() + "\0" + purpose.label()).getBytes(StandardCharsets.UTF_8);
    try {
      HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
      hkdf.init(new HKDFParameters(ikm, SALT, info));
      byte[] kek = new byte[LENGTH];
      hkdf.generateBytes(kek, 0, LENGTH);
      return kek;
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }
}
