package org.planbok.mpc.garble;

import java.security.MessageDigest;
import java.util.Arrays;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * How the evaluator reads its output labels, and proof that they are the garbler's: for output
 * {@code k} the garbler publishes {@code d(k, L⁰) ‖ d(k, L¹)}, where {@code d(k, L)} is SHA-256 of
 * the session id, {@code k} and the label, truncated to 16 bytes.
 *
 * <p>Point-and-permute alone would tell the evaluator a bit for any label, even a garbage one out
 * of an altered table. Hashing both labels instead lets it recognise exactly the two labels the
 * garbler made, and abort on anything else: finding a third label that matches costs 2^128 hash
 * evaluations, and d reveals nothing about the label the evaluator does not hold. Binding the
 * session id makes a garbling made for another session fail to decode.
 */
public final class OutputDecoding {
  /** Two 16-byte label digests per output. */
  public static final int BYTES_PER_OUTPUT = 32;

  private static final int DIGEST_BYTES = 16;

  /** {@code d(k, L⁰) ‖ d(k, L¹)} for each output {@code k}. */
  private final byte[] digests;

  private OutputDecoding(byte[] digests) {
    this.digests = digests;
  }

  /** The garbler's side: digests of both labels of each output, {@code L¹ = L⁰ ⊕ Δ}. */
  static OutputDecoding of(SessionId sid, long[] outputZeros, long deltaLo, long deltaHi) {
    Transcript session = session(sid);
    int outputs = outputZeros.length / 2;
    byte[] digests = new byte[outputs * BYTES_PER_OUTPUT];
    for (int k = 0; k < outputs; k++) {
      long lo = outputZeros[2 * k];
      long hi = outputZeros[2 * k + 1];
      System.arraycopy(digest(session, k, lo, hi), 0, digests, k * BYTES_PER_OUTPUT, DIGEST_BYTES);
      System.arraycopy(
          digest(session, k, lo ^ deltaLo, hi ^ deltaHi),
          0,
          digests,
          k * BYTES_PER_OUTPUT + DIGEST_BYTES,
          DIGEST_BYTES);
    }
    return new OutputDecoding(digests);
  }

  public int outputCount() {
    return digests.length / BYTES_PER_OUTPUT;
  }

  /**
   * The output bits the evaluator's labels stand for.
   *
   * @throws ProtocolAbort {@link AbortReason#BAD_GARBLED_CIRCUIT} if any label is neither of the
   *     two the garbler committed to in session {@code sid} (or both, which no honest garbler
   *     produces); no bit is returned then, not even the ones that decoded
   */
  public boolean[] decode(SessionId sid, Labels outputs) {
    if (outputs.count() != outputCount()) {
      throw new IllegalArgumentException(
          outputs.count() + " output labels for " + outputCount() + " outputs");
    }
    Transcript session = session(sid);
    long[] words = outputs.words();
    boolean[] bits = new boolean[outputCount()];
    for (int k = 0; k < bits.length; k++) {
      byte[] d = digest(session, k, words[2 * k], words[2 * k + 1]);
      int at = k * BYTES_PER_OUTPUT;
      boolean zero = MessageDigest.isEqual(d, Arrays.copyOfRange(digests, at, at + DIGEST_BYTES));
      boolean one =
          MessageDigest.isEqual(
              d, Arrays.copyOfRange(digests, at + DIGEST_BYTES, at + BYTES_PER_OUTPUT));
      if (zero == one) {
        throw new ProtocolAbort(
            AbortReason.BAD_GARBLED_CIRCUIT,
            "output label " + k + " is not one the garbler committed to in this session");
      }
      bits[k] = one;
    }
    return bits;
  }

  /** {@code u32be(32·outputs) ‖ digests}, as {@link #fromBytes} reads it. */
  public byte[] toBytes() {
    return new WireWriter().bytes(digests).toBytes();
  }

  /**
   * Reads decoding information for {@code circuit}'s outputs: exactly 32 bytes each.
   *
   * @throws ProtocolAbort {@link AbortReason#MALFORMED_MESSAGE} on any other length
   */
  public static OutputDecoding fromBytes(byte[] bytes, Circuit circuit) {
    WireReader reader = new WireReader(bytes);
    byte[] digests = reader.fixedBytes(circuit.outputCount() * BYTES_PER_OUTPUT);
    reader.end();
    return new OutputDecoding(digests);
  }

  private static Transcript session(SessionId sid) {
    return Transcript.start("garble/output-label").append(sid);
  }

  private static byte[] digest(Transcript session, int output, long lo, long hi) {
    return Arrays.copyOf(
        session.fork().append("output", output).append("label", TccrHash.bytes(lo, hi)).digest(),
        DIGEST_BYTES);
  }

  @Override
  public String toString() {
    return "OutputDecoding[" + outputCount() + " outputs]";
  }
}
