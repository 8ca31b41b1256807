package org.planbok.mpc.commit;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * A binding, hiding commitment: {@code C = SHA-256(label ‖ sid ‖ party ‖ payload ‖ ρ)}, each item
 * length-prefixed (DESIGN §4). Binding the committer's role stops a peer from reflecting our own
 * commitment back at us.
 */
public record Commitment(byte[] value) {
  public static final int LENGTH = 32;
  public static final int RANDOMNESS_LENGTH = 32;

  public Commitment {
    if (value == null || value.length != LENGTH) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "commitment must be 32 bytes");
    }
    value = value.clone();
  }

  /** A commitment and the opening that the committer keeps until it reveals. */
  public record Committed(Commitment commitment, Opening opening) {}

  /** What the committer reveals: the payload and its randomness ρ. */
  public record Opening(byte[] payload, byte[] randomness) {
    public Opening {
      if (payload == null || randomness == null || randomness.length != RANDOMNESS_LENGTH) {
        throw new ProtocolAbort(
            AbortReason.MALFORMED_MESSAGE, "opening randomness must be 32 bytes");
      }
      payload = payload.clone();
      randomness = randomness.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public byte[] randomness() {
      return randomness.clone();
    }
  }

  public static Committed commit(
      String label, SessionId sid, Party committer, byte[] payload, SecureRandom random) {
    byte[] rho = new byte[RANDOMNESS_LENGTH];
    random.nextBytes(rho);
    Opening opening = new Opening(payload, rho);
    return new Committed(new Commitment(hash(label, sid, committer, opening)), opening);
  }

  /** Checks that {@code opening} opens this commitment; aborts the protocol if it does not. */
  public void verify(String label, SessionId sid, Party committer, Opening opening) {
    if (!MessageDigest.isEqual(value, hash(label, sid, committer, opening))) {
      throw new ProtocolAbort(
          AbortReason.BAD_COMMITMENT, "opening does not match the commitment for " + label);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  private static byte[] hash(String label, SessionId sid, Party committer, Opening opening) {
    return Transcript.start("commit/" + label)
        .append(sid)
        .append(committer)
        .append("payload", opening.payload)
        .append("rho", opening.randomness)
        .digest();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Commitment c && MessageDigest.isEqual(value, c.value);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Commitment[" + HexFormat.of().formatHex(value) + "]";
  }
}
