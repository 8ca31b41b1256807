package org.planbok.mpc.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * Reads what {@link WireWriter} wrote, strictly: every field has a caller-given maximum length,
 * integers must be minimally encoded, and {@link #end()} rejects trailing bytes. Any violation
 * aborts with {@link AbortReason#MALFORMED_MESSAGE}, so a peer cannot smuggle two encodings of one
 * message.
 */
public final class WireReader {
  private final byte[] data;
  private int position;

  public WireReader(byte[] data) {
    if (data == null) {
      throw malformed("message is empty");
    }
    this.data = data;
  }

  public byte[] bytes(int maxLength) {
    if (data.length - position < 4) {
      throw malformed("truncated length");
    }
    int n =
        ((data[position] & 0xff) << 24)
            | ((data[position + 1] & 0xff) << 16)
            | ((data[position + 2] & 0xff) << 8)
            | (data[position + 3] & 0xff);
    position += 4;
    if (n < 0 || n > maxLength || n > data.length - position) {
      throw malformed("field length " + n + " out of range");
    }
    byte[] out = new byte[n];
    System.arraycopy(data, position, out, 0, n);
    position += n;
    return out;
  }

  /** A field of exactly {@code length} bytes. */
  public byte[] fixedBytes(int length) {
    byte[] b = bytes(length);
    if (b.length != length) {
      throw malformed("expected " + length + " bytes, got " + b.length);
    }
    return b;
  }

  public BigInteger integer(int maxBytes) {
    byte[] b = bytes(maxBytes);
    if (b.length == 0 || (b.length > 1 && b[0] == 0)) {
      throw malformed("integer is not minimally encoded");
    }
    return new BigInteger(1, b);
  }

  public int smallInt() {
    BigInteger v = integer(4);
    if (v.bitLength() > 31) {
      throw malformed("integer too large");
    }
    return v.intValue();
  }

  public String text(int maxBytes) {
    return new String(bytes(maxBytes), StandardCharsets.UTF_8);
  }

  /** Rejects trailing bytes. */
  public void end() {
    if (position != data.length) {
      throw malformed("trailing bytes after message");
    }
  }

  private static ProtocolAbort malformed(String detail) {
    return new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, detail);
  }
}
