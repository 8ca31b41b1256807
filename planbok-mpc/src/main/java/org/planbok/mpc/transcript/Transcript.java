package org.planbok.mpc.transcript;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;

/**
 * An injective encoding of labelled values, hashed with SHA-256. Every item is written as {@code
 * len(label) ‖ label ‖ len(value) ‖ value} with 4-byte big-endian lengths, so no two different
 * sequences of items hash the same input (the TSSHOCK attacks exploit transcripts that concatenate
 * without lengths).
 *
 * <p>A transcript starts with a domain label ({@code planbok/v1/<domain>}) so that hashes of
 * different protocols and proofs never collide by construction.
 */
public final class Transcript {
  private static final String PREFIX = "planbok/v1/";

  private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();

  private Transcript() {}

  public static Transcript start(String domain) {
    Transcript t = new Transcript();
    t.append("domain", (PREFIX + domain).getBytes(StandardCharsets.UTF_8));
    return t;
  }

  /** A copy that can be extended without changing this one. */
  public Transcript fork() {
    Transcript t = new Transcript();
    t.encoded.writeBytes(encoded.toByteArray());
    return t;
  }

  public Transcript append(String label, byte[] value) {
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    writeLength(l.length);
    encoded.writeBytes(l);
    writeLength(value.length);
    encoded.writeBytes(value);
    return this;
  }

  public Transcript append(String label, String value) {
    return append(label, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a non-negative integer as its minimal unsigned big-endian bytes. */
  public Transcript append(String label, BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("transcript integers are non-negative");
    }
    return append(label, unsigned(value));
  }

  public Transcript append(String label, long value) {
    return append(label, BigInteger.valueOf(value));
  }

  public Transcript append(SessionId sid) {
    return append("sid", sid.bytes());
  }

  public Transcript append(Party party) {
    return append("party", party.name());
  }

  /** SHA-256 of everything appended so far. */
  public byte[] digest() {
    return sha256(encoded.toByteArray());
  }

  /**
   * A challenge uniform in [0, modulus): the transcript is expanded in counter mode to 128 bits
   * more than the modulus and reduced, so the bias is below 2^-128.
   */
  public BigInteger challenge(BigInteger modulus) {
    return challenge(modulus, "challenge");
  }

  /** Like {@link #challenge(BigInteger)}, with a label so one transcript yields many challenges. */
  public BigInteger challenge(BigInteger modulus, String label) {
    int bytes = (modulus.bitLength() + 128 + 7) / 8;
    return new BigInteger(1, expand(label, bytes)).mod(modulus);
  }

  /** {@code length} pseudo-random bytes derived from the transcript and a label. */
  public byte[] expand(String label, int length) {
    byte[] seed = fork().append("expand", label).digest();
    byte[] out = new byte[length];
    int counter = 0;
    for (int off = 0; off < length; off += 32, counter++) {
      byte[] block =
          sha256(
              concat(
                  seed,
                  new byte[] {
                    (byte) (counter >>> 24),
                    (byte) (counter >>> 16),
                    (byte) (counter >>> 8),
                    (byte) counter
                  }));
      System.arraycopy(block, 0, out, off, Math.min(32, length - off));
    }
    return out;
  }

  /** Minimal unsigned big-endian bytes of a non-negative integer (zero is one zero byte). */
  public static byte[] unsigned(BigInteger value) {
    byte[] b = value.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      byte[] t = new byte[b.length - 1];
      System.arraycopy(b, 1, t, 0, t.length);
      return t;
    }
    return b;
  }

  private void writeLength(int n) {
    encoded.write(n >>> 24);
    encoded.write(n >>> 16);
    encoded.write(n >>> 8);
    encoded.write(n);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}
