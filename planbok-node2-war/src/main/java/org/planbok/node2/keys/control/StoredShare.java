package org.planbok.node2.keys.control;

import java.util.Arrays;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;

/**
 * A committed key share, unsealed for one protocol session. The caller owns the share bytes and
 * zeroes them with {@link #close()} (try-with-resources) when the session ends; {@link #toString()}
 * shows only public values.
 */
public final class StoredShare implements AutoCloseable {
  private final KeyId keyId;
  private final Curve curve;
  private final byte[] share;
  private final String publicKeyHex;
  private final Subject subject;
  private final boolean frozen;
  private final int freezeCount;
  private final String generation;

  StoredShare(
      KeyId keyId,
      Subject subject,
      Curve curve,
      byte[] share,
      String publicKeyHex,
      boolean frozen,
      int freezeCount,
      String generation) {
    this.keyId = keyId;
    this.subject = subject;
    this.curve = curve;
    this.share = share;
    this.publicKeyHex = publicKeyHex;
    this.frozen = frozen;
    this.freezeCount = freezeCount;
    this.generation = generation;
  }

  /** Whose key it is. */
  public Subject subject() {
    return subject;
  }

  public KeyId keyId() {
    return keyId;
  }

  public Curve curve() {
    return curve;
  }

  /** The unsealed {@code planbok-mpc} share blob itself, not a copy: zeroed by {@link #close()}. */
  public byte[] share() {
    return share;
  }

  public String publicKeyHex() {
    return publicKeyHex;
  }

  public boolean frozen() {
    return frozen;
  }

  /** The session that made this share (the keygen's or the last committed refresh's). */
  /** How often the key was frozen in its life. */
  public int freezeCount() {
    return freezeCount;
  }

  public String generation() {
    return generation;
  }

  @Override
  public void close() {
    Arrays.fill(share, (byte) 0);
  }

  @Override
  public String toString() {
    return "StoredShare[" + keyId + ", " + curve + ", " + publicKeyHex + ", frozen=" + frozen + "]";
  }
}
