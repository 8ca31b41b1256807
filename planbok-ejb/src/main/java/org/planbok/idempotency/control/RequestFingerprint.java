package org.planbok.idempotency.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a request asked for: SHA-256 over the method, the path with its query and the body's bytes,
 * each length-prefixed so that no two different requests share an encoding. A retry must send the
 * same bytes; a reformatted body is a different request.
 */
public final class RequestFingerprint {
  private static final byte[] DOMAIN =
      "planbok/idempotency/request/v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] hash;

  private RequestFingerprint(byte[] hash) {
    this.hash = hash;
  }

  public static RequestFingerprint of(String method, String pathAndQuery, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      part(sha, method.getBytes(StandardCharsets.US_ASCII));
      part(sha, pathAndQuery.getBytes(StandardCharsets.UTF_8));
      part(sha, body);
      return new RequestFingerprint(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static RequestFingerprint ofStored(byte[] hash) {
    return new RequestFingerprint(hash.clone());
  }

  private static void part(MessageDigest sha, byte[] bytes) {
    int n = bytes.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(bytes);
  }

  public byte[] bytes() {
    return hash.clone();
  }

  /** Constant time, though nothing here is secret: one comparison method for all hashes. */
  public boolean sameAs(RequestFingerprint other) {
    return MessageDigest.isEqual(hash, other.hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestFingerprint other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(hash);
  }
}
