package org.planbok.mpc.garble;

import java.util.Arrays;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A run of 128-bit wire labels, each meaning one bit of one wire: the garbler's input labels sent
 * to the evaluator, the evaluator's labels out of oblivious transfer, and the output labels garbled
 * evaluation ends with. Kept as two longs a label (see {@link TccrHash} for the byte order) so that
 * evaluation never allocates per wire.
 *
 * <p>A label is secret: whoever holds both labels of a wire knows Δ and can read every wire. {@link
 * #toString()} is redacted and {@link #destroy()} zeroes the words.
 */
public final class Labels {
  /** Bytes in one label. */
  public static final int LABEL_BYTES = 16;

  private final long[] words;

  /** Takes ownership of {@code words}, two per label. */
  Labels(long[] words) {
    this.words = words;
  }

  /** Labels received as bytes: a concatenation of {@code count} labels of 16 bytes. */
  public static Labels fromBytes(byte[] bytes, int count) {
    if (bytes == null || count < 0 || bytes.length != (long) count * LABEL_BYTES) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "expected " + count + " labels of 16 bytes");
    }
    long[] words = new long[2 * count];
    for (int k = 0; k < words.length; k++) {
      words[k] = TccrHash.word(bytes, 8 * k);
    }
    return new Labels(words);
  }

  /** Labels received one by one (from oblivious transfer), each exactly 16 bytes. */
  public static Labels of(byte[]... labels) {
    long[] words = new long[2 * labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == null || labels[i].length != LABEL_BYTES) {
        throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "label " + i + " is not 16 bytes");
      }
      words[2 * i] = TccrHash.word(labels[i], 0);
      words[2 * i + 1] = TccrHash.word(labels[i], 8);
    }
    return new Labels(words);
  }

  public int count() {
    return words.length / 2;
  }

  /** Label {@code index} as 16 bytes. */
  public byte[] label(int index) {
    return TccrHash.bytes(words[2 * index], words[2 * index + 1]);
  }

  /** All labels, concatenated, as {@link #fromBytes} reads them. */
  public byte[] toBytes() {
    byte[] out = new byte[words.length * 8];
    for (int k = 0; k < words.length; k++) {
      TccrHash.putWord(out, 8 * k, words[k]);
    }
    return out;
  }

  /** Overwrites every label with zeros; the object is useless afterwards. */
  public void destroy() {
    Arrays.fill(words, 0L);
  }

  /** The words themselves, for the evaluator and decoder in this package; never handed out. */
  long[] words() {
    return words;
  }

  @Override
  public String toString() {
    return "Labels[" + count() + " labels, redacted]";
  }
}
