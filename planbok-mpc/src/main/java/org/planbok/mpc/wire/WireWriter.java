package org.planbok.mpc.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.planbok.mpc.transcript.Transcript;

/**
 * Writes fields as {@code u32be(length) ‖ bytes}; integers as minimal unsigned big-endian bytes.
 */
public final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public WireWriter bytes(byte[] value) {
    int n = value.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.writeBytes(value);
    return this;
  }

  public WireWriter integer(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("wire integers are non-negative");
    }
    return bytes(Transcript.unsigned(value));
  }

  public WireWriter integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  public WireWriter text(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }
}
