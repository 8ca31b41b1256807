package org.planbok.node2.sealing.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * One 256-bit master key and the one-byte id that sealed blobs carry to name it. The id is derived
 * from the key itself (the first byte of a labelled SHA-256), so operators rotate by adding a key,
 * never by keeping a version counter in step with it. The key is used only as an HKDF root: every
 * use (sealing, ticket MACs) gets its own derived key.
 */
public final class MasterKey {
  public static final int LENGTH = 32;

  private final byte[] key;
  private final byte id;

  MasterKey(byte[] key) {
    if (key == null || key.length != LENGTH) {
      throw new IllegalArgumentException("a master key is exactly 32 bytes");
    }
    this.key = key.clone();
    this.id = fingerprint(key);
  }

  public byte id() {
    return id;
  }

  /** HKDF-SHA256 (RFC 5869) with this key as input keying material and {@code label} as info. */
  public byte[] derive(String label, int length) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(key, null, label.getBytes(StandardCharsets.UTF_8)));
    byte[] out = new byte[length];
    hkdf.generateBytes(out, 0, length);
    return out;
  }

  boolean sameKeyAs(MasterKey other) {
    return MessageDigest.isEqual(key, other.key);
  }

  private static byte fingerprint(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("planbok/node2/master-key-id".getBytes(StandardCharsets.UTF_8));
      return sha.digest(key)[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void destroy() {
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public String toString() {
    return "MasterKey[id=" + String.format("0x%02x", id) + ", redacted]";
  }
}
