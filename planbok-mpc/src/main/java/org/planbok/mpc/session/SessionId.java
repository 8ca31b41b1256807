package org.planbok.mpc.session;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte protocol session identifier. Every commitment, proof and Fiat–Shamir challenge binds
 * it, so a message from one session is worthless in another.
 */
public final class SessionId {
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private SessionId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static SessionId random(SecureRandom random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new SessionId(b);
  }

  public static SessionId of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "session id must be 32 bytes");
    }
    return new SessionId(bytes.clone());
  }

  public static SessionId fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SessionId[" + hex() + "]";
  }
}
