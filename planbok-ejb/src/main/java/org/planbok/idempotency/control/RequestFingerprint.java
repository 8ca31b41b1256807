package org.planbok.idempotency.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.planbok.atrest.AtRest;
import org.planbok.atrest.DatabaseKey;

/**
 * What a request asked for: an HMAC-SHA256 under the database key ({@link AtRest#IDEMPOTENCY}) over
 * the method, the path with its query and the body (each length-prefixed so that no two different
 * requests share an input). The caller hands the body with its secret members already left out; the
 * key still matters, because a fingerprint outlives the call by a day in a database that must let
 * nobody test a guess of anything the request carried (DESIGN §5).
 */
public final class RequestFingerprint {
  private static final byte[] DOMAIN =
      "planbok/idempotency/request/v2".getBytes(StandardCharsets.US_ASCII);

  private final byte[] hash;

  private RequestFingerprint(byte[] hash) {
    this.hash = hash;
  }

  public static RequestFingerprint of(
      DatabaseKey key, String method, String pathAndQuery, byte[] body) {
    return new RequestFingerprint(
        key.mac(
            AtRest.IDEMPOTENCY,
            DOMAIN,
            method.getBytes(StandardCharsets.US_ASCII),
            pathAndQuery.getBytes(StandardCharsets.UTF_8),
            body));
  }

  public static RequestFingerprint ofStored(byte[] hash) {
    return new RequestFingerprint(hash.clone());
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
