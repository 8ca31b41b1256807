package org.planbok.mpc.garble;

import java.util.Arrays;

/**
 * One garbled circuit as its garbler keeps it: the public {@link #tables()} and {@link #decoding()}
 * to send, and the secrets (the offset Δ, the zero labels of the input and output wires) that turn
 * bits into labels.
 *
 * <p>Under free-XOR (Kolesnikov, Schneider 2008) the label of bit 1 on any wire is the label of bit
 * 0 XOR Δ, so only zero labels are kept. Hand out at most one label per input wire: both labels of
 * one wire reveal Δ, and Δ reveals every wire of the evaluation. {@link #toString()} is redacted;
 * {@link #destroy()} zeroes the secrets once the labels are sent and the equality check is done.
 */
public final class Garbling {
  private final int firstInputs;
  private final int secondInputs;
  private final long[] delta;
  private final long[] inputZeros;
  private final long[] outputZeros;
  private final GarbledTables tables;
  private final OutputDecoding decoding;
  private boolean destroyed;

  /** Takes ownership of the arrays: {@code delta} is two words, the others two per wire. */
  Garbling(
      int firstInputs,
      int secondInputs,
      long[] delta,
      long[] inputZeros,
      long[] outputZeros,
      GarbledTables tables,
      OutputDecoding decoding) {
    this.firstInputs = firstInputs;
    this.secondInputs = secondInputs;
    this.delta = delta;
    this.inputZeros = inputZeros;
    this.outputZeros = outputZeros;
    this.tables = tables;
    this.decoding = decoding;
  }

  /** The ciphertexts the evaluator needs; public. */
  public GarbledTables tables() {
    return tables;
  }

  /** What the evaluator decodes its output labels with; public, bound to the session. */
  public OutputDecoding decoding() {
    return decoding;
  }

  /**
   * The 16-byte label meaning {@code bit} on input wire {@code wire} (the circuit's numbering: the
   * first party's inputs, then the second's). The oblivious-transfer sender offers both labels of
   * each of the evaluator's wires, one of which the evaluator gets.
   */
  public byte[] inputLabel(int wire, boolean bit) {
    checkLive();
    if (wire < 0 || wire >= firstInputs + secondInputs) {
      throw new IllegalArgumentException("wire " + wire + " is not an input wire");
    }
    return label(inputZeros, wire, bit);
  }

  /** The labels of the first party's input bits, to send when the garbler is the first party. */
  public Labels firstInputLabels(boolean[] bits) {
    return labels(inputZeros, 0, firstInputs, bits);
  }

  /** The labels of the second party's input bits, to send when the garbler is the second party. */
  public Labels secondInputLabels(boolean[] bits) {
    return labels(inputZeros, firstInputs, secondInputs, bits);
  }

  /**
   * The 16-byte label meaning {@code bit} on output {@code index}: what an honest evaluator of this
   * garbling holds if the output is {@code bit}. Dual execution's equality check compares these.
   */
  public byte[] outputLabel(int index, boolean bit) {
    checkLive();
    if (index < 0 || index >= outputZeros.length / 2) {
      throw new IllegalArgumentException("no output " + index);
    }
    return label(outputZeros, index, bit);
  }

  /** The output labels meaning {@code bits}, one per output. */
  public Labels outputLabels(boolean[] bits) {
    return labels(outputZeros, 0, outputZeros.length / 2, bits);
  }

  /** Zeroes Δ and every zero label; the garbling can hand out no label afterwards. */
  public void destroy() {
    Arrays.fill(delta, 0L);
    Arrays.fill(inputZeros, 0L);
    Arrays.fill(outputZeros, 0L);
    destroyed = true;
  }

  private byte[] label(long[] zeros, int index, boolean bit) {
    long mask = bit ? -1L : 0L;
    return TccrHash.bytes(
        zeros[2 * index] ^ (delta[0] & mask), zeros[2 * index + 1] ^ (delta[1] & mask));
  }

  private Labels labels(long[] zeros, int from, int count, boolean[] bits) {
    checkLive();
    if (bits.length != count) {
      throw new IllegalArgumentException(bits.length + " bits for " + count + " wires");
    }
    long[] words = new long[2 * count];
    for (int i = 0; i < count; i++) {
      long mask = bits[i] ? -1L : 0L;
      words[2 * i] = zeros[2 * (from + i)] ^ (delta[0] & mask);
      words[2 * i + 1] = zeros[2 * (from + i) + 1] ^ (delta[1] & mask);
    }
    return new Labels(words);
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("garbling destroyed");
    }
  }

  @Override
  public String toString() {
    return "Garbling[" + tables.andGates() + " AND gates, secrets redacted]";
  }
}
