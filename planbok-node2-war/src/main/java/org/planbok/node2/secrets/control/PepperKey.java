package org.planbok.node2.secrets.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.sealing.control.SealedKeys;

/**
 * The two HMACs under {@code k_pepper} (DESIGN §5): the verifier Node 2 stores, {@code
 * HMAC-SHA256(k_pepper, "verify" ‖ subject ‖ purpose ‖ secret)}, and the pepper it answers, {@code
 * HMAC-SHA256(k_pepper, "kek" ‖ subject ‖ purpose ‖ enrollment ‖ secret)}, where {@code enrollment}
 * is drawn afresh at each enrollment: a re-enrolled secret, even the same one, has a new pepper, so
 * enrolling a guess never answers the pepper an earlier wrapping needs. Every field is
 * length-prefixed (u32 big-endian), so no two field splits collide. The key is unsealed for each
 * MAC and zeroed after.
 */
final class PepperKey {
  private final SealedKeys sealedKeys;

  PepperKey(SealedKeys sealedKeys) {
    this.sealedKeys = sealedKeys;
  }

  /** The verifier of a secret; the caller zeroes it. */
  byte[] verifier(Subject subject, Purpose purpose, byte[] secret) {
    return hmac("verify", subject, purpose, secret);
  }

  /** The pepper of a secret of this enrollment; the caller zeroes it. */
  byte[] pepper(Subject subject, Purpose purpose, byte[] enrollment, byte[] secret) {
    return hmac("kek", subject, purpose, enrollment, secret);
  }

  private byte[] hmac(String label, Subject subject, Purpose purpose, byte[]... values) {
    byte[] key = sealedKeys.key(SealedKeys.PEPPER);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      field(mac, label.getBytes(StandardCharsets.UTF_8));
      field(mac, subject.value().getBytes(StandardCharsets.UTF_8));
      field(mac, purpose.label().getBytes(StandardCharsets.UTF_8));
      for (byte[] value : values) {
        field(mac, value);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  // Fed straight into the MAC: no buffer holds a copy of the secret.
  private static void field(Mac mac, byte[] value) {
    mac.update(ByteBuffer.allocate(4).putInt(value.length).array());
    mac.update(value);
  }
}
