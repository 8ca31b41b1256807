package org.planbok.audit.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code hash_n = SHA-256(label ‖ chain ‖ n ‖ time ‖ actor ‖ action ‖ target ‖ outcome ‖ detail ‖
 * hash_(n-1))}, every field prefixed with its length (4 bytes, big-endian) so that no two rows can
 * share their bytes by moving a boundary; row 1 chains to 32 zero bytes.
 */
final class AuditHash {
  static final byte[] GENESIS = new byte[32];
  private static final byte[] LABEL = "planbok/node1/audit/v1".getBytes(StandardCharsets.UTF_8);

  private AuditHash() {}

  static byte[] of(
      String chain,
      long sequence,
      long atEpochMicros,
      String actor,
      String action,
      String target,
      String outcome,
      String detail,
      byte[] prevHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      field(sha, LABEL);
      field(sha, chain.getBytes(StandardCharsets.UTF_8));
      field(sha, ByteBuffer.allocate(8).putLong(sequence).array());
      field(sha, ByteBuffer.allocate(8).putLong(atEpochMicros).array());
      for (String text : new String[] {actor, action, target, outcome, detail}) {
        field(sha, text.getBytes(StandardCharsets.UTF_8));
      }
      field(sha, prevHash);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void field(MessageDigest sha, byte[] value) {
    sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
    sha.update(value);
  }
}
